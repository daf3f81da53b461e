package io.invoicekit.core.failure;

/**
 * The database gave the transaction no tenant for the tenant token the service sent: a key the
 * database does not have or has retired, a secret that is not the database's for that key id, a
 * token expired by the database's clock, or no token where the database requires one. Refused in
 * the statement that sets the tenant, before any work ran: without a tenant, the work would see
 * nothing and write nothing. The message says which, and never carries the token or a key.
 */
public final class TenantTokenRefusedException extends InvoiceKitException {

    public TenantTokenRefusedException(String reason) {
        super("the database refused the tenant context: " + reason, null);
    }

    /** False: the service's key or clock is wrong, and the same call fails the same way until it is mended. */
    @Override
    public boolean retryable() {
        return false;
    }
}
