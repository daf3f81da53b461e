package io.invoicekit.rls;

import org.jooq.DSLContext;

/**
 * Work done for one tenant inside its transaction, returning a result.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface TenantWork<T> {

    /**
     * Runs the work. Use only {@code transaction}: it is the tenant's transaction, with the tenant
     * already set. Any other context runs outside it, on another connection, without a tenant.
     */
    T execute(DSLContext transaction);
}
