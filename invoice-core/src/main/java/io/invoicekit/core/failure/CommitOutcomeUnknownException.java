package io.invoicekit.core.failure;

/**
 * The work ran to its end and was being committed when the connection broke (or the server ended
 * the session): the reply to COMMIT never arrived, so the transaction may have committed or not.
 * Nobody can tell from here, not even the library.
 *
 * <p>Hazard: do not simply run the work again. If the first run committed, a second stores
 * everything twice: two payments for one transfer, two credit notes. The caller must find out
 * first, on a new transaction: read back what the work wrote by an id it chose before it ran (the
 * payment id, the PSP reference) and carry on from what is there. Or retry with an idempotency key
 * the database holds unique, so that the second run of a committed first one is refused with a
 * {@link ConstraintViolationException} of kind {@code UNIQUE}: that refusal means the first run
 * committed.
 */
public final class CommitOutcomeUnknownException extends DatabaseException {

    public CommitOutcomeUnknownException(String sqlState, Throwable cause) {
        super("the connection was lost while committing: the transaction may or may not have committed; "
                + "check before running the work again" + stateSuffix(sqlState), sqlState, cause);
    }

    /** False: a blind retry may do the work twice; check what was stored first (see above). */
    @Override
    public boolean retryable() {
        return false;
    }
}
