package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies a numbering series of a tenant. */
public record SeriesId(UUID value) {

    public SeriesId {
        Violations.required("seriesId", value);
    }

    public static SeriesId of(UUID value) {
        return new SeriesId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static SeriesId parse(String text) {
        return new SeriesId(UuidText.parse("seriesId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static SeriesId generate(Clock clock) {
        return new SeriesId(TimeOrderedUuid.next(clock));
    }
}
