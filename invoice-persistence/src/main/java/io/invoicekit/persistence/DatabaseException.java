package io.invoicekit.persistence;

/**
 * A database error a caller can act on, translated from PostgreSQL's SQLSTATE and constraint
 * name (never from message text). When one is thrown from {@link InvoiceStore#inTenant}, the
 * whole operation was rolled back: nothing of it is stored.
 */
public abstract sealed class DatabaseException extends RuntimeException
        permits ConstraintViolationException, ConcurrencyConflictException, TenantAccessDeniedException {

    private final String sqlState;

    DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** PostgreSQL's SQLSTATE, e.g. {@code 23514}; null for errors detected without the database. */
    public String sqlState() {
        return sqlState;
    }
}
