package io.invoicekit.cli;

import java.util.List;

/** The parts of {@code invoicekit check}, in the order it runs them; each is also a command. */
final class Steps {

    private Steps() {
    }

    /** New instances (they hold the options parsed for one run). */
    static List<Step> all() {
        return List.of(new AuditStep(), new IsolationStep(), new HealthStep());
    }
}
