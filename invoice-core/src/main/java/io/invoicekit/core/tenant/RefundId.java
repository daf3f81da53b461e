package io.invoicekit.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;

/** Identifies a refund of a tenant. */
public record RefundId(UUID value) {

    public RefundId {
        requireNonNull(value, "refundId is null");
    }

    public static RefundId of(UUID value) {
        return new RefundId(value);
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static RefundId generate(Clock clock) {
        return new RefundId(TimeOrderedUuid.next(clock));
    }
}
