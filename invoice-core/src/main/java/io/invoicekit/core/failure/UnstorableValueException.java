package io.invoicekit.core.failure;

/**
 * The database could not store or compute a value: a number or a date beyond its column's range,
 * a text longer than its column, or a character it cannot store (such as the NUL character).
 * Validation in Java refuses most of these first, with a {@link ValidationException} naming the
 * field; this is the database's answer for whatever reached it, without the value itself.
 */
public final class UnstorableValueException extends DatabaseException {

    /** What was wrong with the value. */
    public enum Reason {
        /** 22003: a number beyond its type's range, such as 10^10 in a {@code numeric(12,2)} column. */
        NUMBER_OUT_OF_RANGE("a number is out of the range its column can store"),
        /** 22008: a date or time beyond PostgreSQL's range. */
        DATETIME_OUT_OF_RANGE("a date or time is out of the range the database can store"),
        /** 22001: a text longer than its column allows. */
        TEXT_TOO_LONG("a text is longer than its column can store"),
        /** 22021, 22P05: a character the database's encoding cannot hold, such as NUL (U+0000). */
        CHARACTER_NOT_STORABLE("a text holds a character the database cannot store");

        /** The message's words for this reason. */
        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    private final Reason reason;

    public UnstorableValueException(Reason reason, String sqlState, Throwable cause) {
        super(reason.description + stateSuffix(sqlState), sqlState, cause);
        this.reason = reason;
    }

    /** False: the same value cannot be stored the next time either. */
    @Override
    public boolean retryable() {
        return false;
    }

    public Reason reason() {
        return reason;
    }
}
