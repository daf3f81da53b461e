package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies a refund of a tenant. */
public record RefundId(UUID value) {

    public RefundId {
        Violations.required("refundId", value);
    }

    public static RefundId of(UUID value) {
        return new RefundId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static RefundId parse(String text) {
        return new RefundId(UuidText.parse("refundId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static RefundId generate(Clock clock) {
        return new RefundId(TimeOrderedUuid.next(clock));
    }
}
