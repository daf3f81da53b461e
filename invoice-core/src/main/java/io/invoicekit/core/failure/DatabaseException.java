package io.invoicekit.core.failure;

/**
 * A database error a caller can act on, translated from PostgreSQL's SQLSTATE and constraint
 * name (never from message text). When one is thrown from {@code InvoiceStore.inTenant}, the
 * whole operation was rolled back and nothing of it is stored, except after a {@link
 * CommitOutcomeUnknownException}, whose point is that nobody knows.
 *
 * <p>The message never carries SQL text or bound values. {@link #getCause()} is the driver's
 * {@code SQLException} (or the pool's), kept for logs: its SQLSTATE, PostgreSQL's fields (the DETAIL
 * may quote values) and the stack of the statement that failed. jOOQ's wrapper, whose message is the
 * SQL text, is left out of the chain; only when jOOQ failed by itself, with no SQL sent, is its
 * exception the cause. Neither a jOOQ nor a driver type is ever the type thrown.
 */
public abstract sealed class DatabaseException extends InvoiceKitException
        permits ConstraintViolationException, ConcurrencyConflictException, TenantAccessDeniedException,
                DatabaseUnavailableException, CommitOutcomeUnknownException, DatabaseTimeoutException,
                UnstorableValueException, UnclassifiedDatabaseException {

    private final String sqlState;

    DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    @Override
    public String sqlState() {
        return sqlState;
    }

    /** " (SQLSTATE 57014)", or nothing when the failure has none: the end of every message. */
    static String stateSuffix(String sqlState) {
        return sqlState == null ? "" : " (SQLSTATE " + sqlState + ")";
    }
}
