package io.invoicekit.core.failure;

/**
 * Row-level security or a missing privilege refused the statement (SQLSTATE 42501): a row
 * carrying another tenant's key, or an operation the application role may not perform. In
 * correct code this never happens; it means a bug was stopped by the database.
 */
public final class TenantAccessDeniedException extends DatabaseException {

    public TenantAccessDeniedException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }

    /** False: the database stopped a bug, which stays a bug. */
    @Override
    public boolean retryable() {
        return false;
    }
}
