package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies an invoice of a tenant. Not the invoice number a person reads: see {@code InvoiceNumber}. */
public record InvoiceId(UUID value) {

    public InvoiceId {
        Violations.required("invoiceId", value);
    }

    public static InvoiceId of(UUID value) {
        return new InvoiceId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static InvoiceId parse(String text) {
        return new InvoiceId(UuidText.parse("invoiceId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static InvoiceId generate(Clock clock) {
        return new InvoiceId(TimeOrderedUuid.next(clock));
    }
}
