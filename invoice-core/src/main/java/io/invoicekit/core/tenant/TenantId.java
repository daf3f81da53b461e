package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.time.Clock;
import java.util.UUID;

/**
 * The tenant: the {@code users} row that owns clients, catalog, invoices and payments. Every
 * tenant-owned row carries it, and row-level security shows a tenant only its own rows.
 */
public record TenantId(UUID value) {

    public TenantId {
        Violations.required("tenantId", value);
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    /** Reads the canonical text form; refuses anything else with a {@code ValidationException}. */
    public static TenantId parse(String text) {
        return new TenantId(UuidText.parse("tenantId", text));
    }

    /** A new time-ordered id (UUIDv7) stamped with the clock's current millisecond. */
    public static TenantId generate(Clock clock) {
        return new TenantId(TimeOrderedUuid.next(clock));
    }
}
