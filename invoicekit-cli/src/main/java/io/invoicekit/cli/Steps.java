package io.invoicekit.cli;

import java.util.List;

/** The parts of {@code invoicekit check}, in the order it runs them; each is also a command. */
final class Steps {

    private Steps() {
    }

    /**
     * New instances (they hold the options parsed for one run). The isolation probe (invoice-rls's
     * {@code IsolationProbe}) goes between the audit and the health report, as {@code new
     * IsolationStep()}: a {@link Step} whose {@link Step#options()} carry {@code --app-user} and
     * {@code --app-password-file}; that gives {@code invoicekit isolation} and check's part at once.
     */
    static List<Step> all() {
        return List.of(new AuditStep(), new HealthStep());
    }
}
