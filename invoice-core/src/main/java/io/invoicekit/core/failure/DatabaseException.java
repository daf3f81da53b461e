package io.invoicekit.core.failure;

/**
 * A database error a caller can act on, translated from PostgreSQL's SQLSTATE and constraint
 * name (never from message text). When one is thrown from {@code InvoiceStore.inTenant}, the
 * whole operation was rolled back: nothing of it is stored.
 */
public abstract sealed class DatabaseException extends InvoiceKitException
        permits ConstraintViolationException, ConcurrencyConflictException, TenantAccessDeniedException {

    private final String sqlState;

    DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    @Override
    public String sqlState() {
        return sqlState;
    }
}
