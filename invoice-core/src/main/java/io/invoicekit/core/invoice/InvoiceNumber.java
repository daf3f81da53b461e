package io.invoicekit.core.invoice;

import io.invoicekit.core.validation.Violations;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The number a person reads on an invoice: {@code INV-} and the tenant's sequence, zero-padded to
 * six digits and growing past them ({@code INV-000001}, {@code INV-999999}, {@code INV-1000000}).
 * Numbers are unique per tenant, not globally, and order by their sequence, never by their text,
 * which would put {@code INV-1000000} before {@code INV-999999}.
 */
public record InvoiceNumber(long sequence) implements Comparable<InvoiceNumber> {

    // Past six digits no leading zero is allowed, so that each number has one text and parse
    // round-trips with toString.
    private static final Pattern FORMAT = Pattern.compile("INV-(\\d{6}|[1-9]\\d{6,18})");

    public InvoiceNumber {
        var violations = new Violations();
        violations.check(sequence >= 1, "invoiceNumber", "positive",
                "must have a sequence of at least 1, was " + sequence);
        violations.throwIfAny("invalid invoice number");
    }

    /** Reads {@code INV-000042}; refuses any text that {@link #toString()} would not have written. */
    public static InvoiceNumber parse(String text) {
        var violations = new Violations();
        var sequence = text == null ? OptionalLong.empty() : sequenceIn(text);
        if (violations.require("invoiceNumber", text)) {
            violations.check(sequence.isPresent(), "invoiceNumber", "format",
                    "must look like INV-000001, was \"" + text + "\"");
        }
        violations.throwIfAny("invalid invoice number");
        return new InvoiceNumber(sequence.getAsLong());
    }

    @Override
    public int compareTo(InvoiceNumber other) {
        return Long.compare(sequence, other.sequence);
    }

    /** {@code INV-000042}. */
    @Override
    public String toString() {
        return "INV-%06d".formatted(sequence);
    }

    private static OptionalLong sequenceIn(String text) {
        var matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException beyondLong) {
            return OptionalLong.empty();
        }
    }
}
