package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/** Identifies an item of a tenant's service catalog. */
public record ServiceItemId(UUID value) {

    public ServiceItemId {
        Violations.required("serviceItemId", value);
    }

    public static ServiceItemId of(UUID value) {
        return new ServiceItemId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static ServiceItemId parse(String text) {
        return new ServiceItemId(UuidText.parse("serviceItemId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static ServiceItemId generate(Clock clock) {
        return new ServiceItemId(TimeOrderedUuid.next(clock));
    }
}
