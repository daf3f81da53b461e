package io.invoicekit.core.failure;

/**
 * Another transaction got in the way: a stale version (optimistic locking), a serialization
 * failure, a deadlock, or a lock not granted within lock_timeout. Retrying the whole operation
 * with fresh data is the usual answer.
 *
 * <p>A lock timeout (55P03) is a conflict, not a {@link DatabaseTimeoutException}: the work waited
 * for another transaction, which ends, not on its own cost, which a retry would pay again.
 */
public final class ConcurrencyConflictException extends DatabaseException {

    /** Why the operation lost. */
    public enum Reason { STALE_VERSION, SERIALIZATION_FAILURE, DEADLOCK, LOCK_TIMEOUT }

    private final Reason reason;

    public ConcurrencyConflictException(Reason reason, String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
        this.reason = reason;
    }

    /** True: the other transaction has finished; run the operation again with fresh data. */
    @Override
    public boolean retryable() {
        return true;
    }

    public Reason reason() {
        return reason;
    }

}
