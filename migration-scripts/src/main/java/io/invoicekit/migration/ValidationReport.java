package io.invoicekit.migration;

import java.util.List;

/**
 * Whether the applied migrations match the scripts on the classpath.
 *
 * @param valid  true when nothing is edited, missing or failed
 * @param errors one line per offending migration: version, description, what is wrong
 */
public record ValidationReport(boolean valid, List<String> errors) {
    public ValidationReport {
        errors = List.copyOf(errors);
    }
}
