package io.invoicekit.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;

/** Identifies a credit note of a tenant. */
public record CreditNoteId(UUID value) {

    public CreditNoteId {
        requireNonNull(value, "creditNoteId is null");
    }

    public static CreditNoteId of(UUID value) {
        return new CreditNoteId(value);
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static CreditNoteId generate(Clock clock) {
        return new CreditNoteId(TimeOrderedUuid.next(clock));
    }
}
