package io.invoicekit.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;

/** Identifies a numbering series of a tenant. */
public record SeriesId(UUID value) {

    public SeriesId {
        requireNonNull(value, "seriesId is null");
    }

    public static SeriesId of(UUID value) {
        return new SeriesId(value);
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static SeriesId generate(Clock clock) {
        return new SeriesId(TimeOrderedUuid.next(clock));
    }
}
