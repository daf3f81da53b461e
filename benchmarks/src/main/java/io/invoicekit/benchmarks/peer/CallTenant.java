package io.invoicekit.benchmarks.peer;

import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The tenant of the call running on this thread, for every session the peer opens during it: what
 * a service sets from the request (Spring's request scope, a servlet filter) before its
 * transaction. Outside a call there is no tenant, and a session opened then fails rather than see
 * every tenant's rows.
 */
final class CallTenant implements CurrentTenantIdentifierResolver<UUID> {

    private final ThreadLocal<UUID> current = new ThreadLocal<>();

    <T> T during(UUID tenant, Supplier<T> call) {
        if (tenant == null) {
            throw new IllegalArgumentException("tenant is null");
        }
        UUID outer = current.get();
        if (outer != null && !outer.equals(tenant)) {
            throw new IllegalStateException("a call of tenant " + outer + " cannot run one of tenant " + tenant);
        }
        current.set(tenant);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                current.remove();
            }
        }
    }

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        UUID tenant = current.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant: open a session of the peer inside HibernatePeer.inTenant");
        }
        return tenant;
    }

    /** Sessions are opened per call, never shared across calls: nothing to compare them with. */
    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
