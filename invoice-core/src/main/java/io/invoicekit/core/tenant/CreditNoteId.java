package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies a credit note of a tenant. */
public record CreditNoteId(UUID value) {

    public CreditNoteId {
        Violations.required("creditNoteId", value);
    }

    public static CreditNoteId of(UUID value) {
        return new CreditNoteId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static CreditNoteId parse(String text) {
        return new CreditNoteId(UuidText.parse("creditNoteId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static CreditNoteId generate(Clock clock) {
        return new CreditNoteId(TimeOrderedUuid.next(clock));
    }
}
