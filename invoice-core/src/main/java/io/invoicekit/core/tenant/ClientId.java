package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies a client of a tenant. */
public record ClientId(UUID value) {

    public ClientId {
        Violations.required("clientId", value);
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
