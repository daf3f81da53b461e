package io.invoicekit.core.failure;

/**
 * The database stopped the work because it took too long: a statement ran past {@code
 * statement_timeout} (or was cancelled), or the transaction sat idle past {@code
 * idle_in_transaction_session_timeout} or ran past {@code transaction_timeout}, which also end the
 * session. The transaction rolled back. A wait for another transaction's lock is not this but a
 * {@link ConcurrencyConflictException} ({@code lock_timeout}): there the other transaction was slow,
 * here the work itself.
 */
public final class DatabaseTimeoutException extends DatabaseException {

    /** Which limit the work ran into. */
    public enum Reason {
        /**
         * 57014: statement_timeout, or a cancel request (Statement.cancel, pg_cancel_backend);
         * PostgreSQL reports both with the same SQLSTATE.
         */
        STATEMENT_CANCELED("a statement was cancelled: it ran past statement_timeout or a cancel was asked for"),
        /** 25P03: the transaction was left idle past idle_in_transaction_session_timeout; the session ended. */
        IDLE_IN_TRANSACTION(
                "the transaction was idle longer than idle_in_transaction_session_timeout and the session was ended"),
        /** 25P04: the transaction ran past transaction_timeout (PostgreSQL 17); the session ended. */
        TRANSACTION_TIMEOUT("the transaction ran longer than transaction_timeout and the session was ended");

        /** The message's words for this reason. */
        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    private final Reason reason;

    public DatabaseTimeoutException(Reason reason, String sqlState, Throwable cause) {
        super(reason.description + stateSuffix(sqlState), sqlState, cause);
        this.reason = reason;
    }

    /**
     * False: the same work takes as long again. Make it cheaper, or keep the transaction short
     * (no remote calls inside it), or give this work a longer limit; retrying it as it is adds load
     * to a database that is already slow.
     */
    @Override
    public boolean retryable() {
        return false;
    }

    public Reason reason() {
        return reason;
    }
}
