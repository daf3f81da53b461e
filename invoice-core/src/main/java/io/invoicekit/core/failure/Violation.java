package io.invoicekit.core.failure;

import static java.util.Objects.requireNonNull;

/**
 * One broken rule: the field it concerns ({@code lines[2].quantity}), the rule's name ({@code
 * positive}) and what a person should fix ({@code must be greater than 0, was -1}).
 *
 * <p>The message reads after the field name and never repeats it, so that a value checked as part
 * of a larger input can be reported under the field it fills there.
 */
public record Violation(String field, String rule, String message) {

    public Violation {
        requireNonNull(field, "field is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(message, "message is null");
    }

    /** The field and the message as one sentence: {@code taxRate must be between 0 and 100, was 120}. */
    public String describe() {
        return field + " " + message;
    }
}
