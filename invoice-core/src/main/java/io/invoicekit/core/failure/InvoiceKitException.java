package io.invoicekit.core.failure;

/**
 * The one root of every failure the library reports: catch it to catch them all, or switch over its
 * subtypes, which are closed. A failure says whether running the same operation again may succeed
 * ({@link #retryable()}) and, when the database reported it, PostgreSQL's SQLSTATE. Messages never
 * carry SQL text or bound values, so they can be logged and shown as they are (the one exception:
 * an {@link UnclassifiedDatabaseException} carries PostgreSQL's message, which may quote a value).
 *
 * <ul>
 *   <li>{@link ValidationException}: the input or the operation breaks a rule; nothing was sent
 *       or stored. Not retryable: the same input fails the same way.</li>
 *   <li>{@link NotFoundException}: the row does not exist for the current tenant.</li>
 *   <li>{@link TenantSwitchException}: work for a second tenant inside one tenant's transaction.</li>
 *   <li>{@link TenantTokenRefusedException}: the database gave the signed tenant context no tenant.</li>
 *   <li>{@link DatabaseException}: the database refused or could not finish the operation.</li>
 * </ul>
 */
public abstract sealed class InvoiceKitException extends RuntimeException
        permits ValidationException, NotFoundException, TenantSwitchException, TenantTokenRefusedException,
        DatabaseException {

    InvoiceKitException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same operation, run again (in a new transaction), may succeed. */
    public abstract boolean retryable();

    /** PostgreSQL's SQLSTATE, e.g. {@code 23514}; null when the database did not report this failure. */
    public String sqlState() {
        return null;
    }
}
