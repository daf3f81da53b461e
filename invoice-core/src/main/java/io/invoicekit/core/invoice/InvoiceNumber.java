package io.invoicekit.core.invoice;

import io.invoicekit.core.validation.Violations;
import java.util.regex.Pattern;

/**
 * The number a person reads on an issued invoice, as its series wrote it ({@link
 * io.invoicekit.core.series.NumberPattern}): {@code INV-000042}, {@code 2026-A-0042}. Unique per
 * tenant, not globally. 1 to 100 characters without control characters; compared as text, so it is
 * not an order: the order of a series is its sequence.
 */
public record InvoiceNumber(String text) {

    private static final int MAX_LENGTH = 100;
    // Control characters are Unicode's (Cc), as the database's rules list them.
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    public InvoiceNumber {
        var violations = new Violations();
        if (violations.require("invoiceNumber", text)) {
            violations.checkStorable("invoiceNumber", text);
            int length = text.codePointCount(0, text.length());
            // The messages are made only for a broken rule: a list reads a thousand numbers a call.
            if (length < 1 || length > MAX_LENGTH) {
                violations.add("invoiceNumber", "length", "must be 1 to " + MAX_LENGTH + " characters, was " + length);
            }
            if (CONTROL.matcher(text).find()) {
                violations.add("invoiceNumber", "printable", "must hold no control characters, was \"" + text + "\"");
            }
        }
        violations.throwIfAny("invalid invoice number");
    }

    public static InvoiceNumber of(String text) {
        return new InvoiceNumber(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
