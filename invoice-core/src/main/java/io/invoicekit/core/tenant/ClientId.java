package io.invoicekit.core.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;

/** Identifies a client of a tenant. */
public record ClientId(UUID value) {

    public ClientId {
        requireNonNull(value, "clientId is null");
    }

    public static ClientId of(UUID value) {
        return new ClientId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static ClientId parse(String text) {
        return new ClientId(UuidText.parse("clientId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static ClientId generate(Clock clock) {
        return new ClientId(TimeOrderedUuid.next(clock));
    }
}
