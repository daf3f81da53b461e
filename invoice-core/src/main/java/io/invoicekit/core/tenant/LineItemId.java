package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies one line of an invoice. */
public record LineItemId(UUID value) {

    public LineItemId {
        Violations.required("lineItemId", value);
    }

    public static LineItemId of(UUID value) {
        return new LineItemId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static LineItemId parse(String text) {
        return new LineItemId(UuidText.parse("lineItemId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static LineItemId generate(Clock clock) {
        return new LineItemId(TimeOrderedUuid.next(clock));
    }
}
