package io.invoicekit.core.failure;

import java.util.UUID;

/**
 * Work for one tenant was started inside a transaction of another tenant on the same thread.
 * Refused before any statement: joining would run the inner work with the outer tenant's rows,
 * and switching the setting would run the rest of the outer work as the inner tenant.
 */
public final class TenantSwitchException extends InvoiceKitException {

    private final UUID open;
    private final UUID requested;

    public TenantSwitchException(UUID open, UUID requested) {
        super("a transaction for tenant " + open + " is open on this thread; work for tenant "
                + requested + " must run in its own transaction, after that one ends", null);
        this.open = open;
        this.requested = requested;
    }

    /** False: a programming error, the same call fails the same way. */
    @Override
    public boolean retryable() {
        return false;
    }

    /** The tenant whose transaction is open. */
    public UUID open() {
        return open;
    }

    /** The tenant the refused work was for. */
    public UUID requested() {
        return requested;
    }
}
