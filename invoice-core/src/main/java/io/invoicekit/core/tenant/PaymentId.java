package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies a payment made against an invoice. */
public record PaymentId(UUID value) {

    public PaymentId {
        Violations.required("paymentId", value);
    }

    public static PaymentId of(UUID value) {
        return new PaymentId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static PaymentId parse(String text) {
        return new PaymentId(UuidText.parse("paymentId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static PaymentId generate(Clock clock) {
        return new PaymentId(TimeOrderedUuid.next(clock));
    }
}
