package io.invoicekit.core.failure;

/**
 * Any other failure of the database or the layer that talks to it, one this library does not
 * classify: a division by zero, an undefined function, a mapping error. The message is PostgreSQL's
 * primary message with the SQLSTATE, never the statement nor the DETAIL; a few primary messages quote
 * the value they could not read ({@code invalid input syntax for type uuid: "..."}). The SQLSTATE is
 * null when the failure did not come from the server. In correct code against a current schema it
 * means a bug, or a database the library does not know (an unapplied migration).
 */
public final class UnclassifiedDatabaseException extends DatabaseException {

    public UnclassifiedDatabaseException(String message, String sqlState, Throwable cause) {
        super(message + stateSuffix(sqlState), sqlState, cause);
    }

    /** False: what the library does not understand, it does not promise to heal. */
    @Override
    public boolean retryable() {
        return false;
    }
}
