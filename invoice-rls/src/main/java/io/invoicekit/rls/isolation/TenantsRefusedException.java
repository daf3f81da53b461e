package io.invoicekit.rls.isolation;

/**
 * The database gives the probe's tenants none, set as the probe sets them: a database that requires
 * signed tenant tokens, probed without the service's key or with a key it does not take. Every
 * attack would then be blocked for want of a tenant, a pass that proves nothing, so the probe
 * refuses to be built.
 */
public final class TenantsRefusedException extends IllegalStateException {

    private final String reason;

    TenantsRefusedException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    /** The database's words for why the probe's tenant is refused ({@code tenant_refusal()}). */
    public String reason() {
        return reason;
    }
}
