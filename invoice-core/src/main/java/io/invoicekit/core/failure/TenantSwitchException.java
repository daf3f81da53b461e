package io.invoicekit.core.failure;

import io.invoicekit.core.tenant.TenantId;

/**
 * Work for one tenant was started inside a transaction of another tenant on the same thread.
 * Refused before any statement: joining would run the inner work with the outer tenant's rows,
 * and switching the setting would run the rest of the outer work as the inner tenant.
 */
public final class TenantSwitchException extends InvoiceKitException {

    private final TenantId open;
    private final TenantId requested;

    public TenantSwitchException(TenantId open, TenantId requested) {
        super("a transaction for tenant " + open.value() + " is open on this thread; work for tenant "
                + requested.value() + " must run in its own transaction, after that one ends", null);
        this.open = open;
        this.requested = requested;
    }

    /** False: a programming error, the same call fails the same way. */
    @Override
    public boolean retryable() {
        return false;
    }

    /** The tenant whose transaction is open. */
    public TenantId open() {
        return open;
    }

    /** The tenant the refused work was for. */
    public TenantId requested() {
        return requested;
    }
}
