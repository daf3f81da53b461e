package io.invoicekit.persistence;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.tenant.TenantId;
import java.time.Duration;

/**
 * One call of a store ({@code inTenant}, {@code registerTenant}) as a {@link StoreListener} sees it.
 *
 * @param tenant   the tenant the call worked for
 * @param duration from the call to its end, the transaction's begin and commit included
 * @param failure  what the caller received instead of a result (usually an {@link
 *                 io.invoicekit.core.failure.InvoiceKitException}, or the work's own exception); null
 *                 when the call succeeded
 */
public record StoreCall(TenantId tenant, Duration duration, RuntimeException failure) {

    public StoreCall {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(duration, "duration is null");
    }

    /** Whether the caller received the work's result. */
    public boolean succeeded() {
        return failure == null;
    }
}
