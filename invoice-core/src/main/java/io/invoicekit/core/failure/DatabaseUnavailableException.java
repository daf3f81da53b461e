package io.invoicekit.core.failure;

/**
 * No connection could do the work: the database could not be reached, dropped the connection,
 * ended the session, is starting up or shutting down, is out of connections or other resources, or
 * the pool had no connection free within its {@code connectionTimeout}. The transaction did not
 * commit (a connection lost while committing is a {@link CommitOutcomeUnknownException} instead).
 */
public final class DatabaseUnavailableException extends DatabaseException {

    /** Why no connection did the work. */
    public enum Reason {
        /** SQLSTATE class 08: the connection could not be opened (08001), or broke (08006). */
        CONNECTION_FAILED("the connection to the database could not be opened or broke; nothing was stored"),
        /**
         * 57P01, 57P02, 57P05: the server ended the session (an operator, a shutdown, a crash,
         * idle_session_timeout).
         */
        SESSION_TERMINATED("the database ended the session; nothing was stored"),
        /** 57P03: the server does not accept connections yet (starting up, recovering). */
        STARTING_UP("the database is starting up and accepts no connections yet"),
        /** Class 53, e.g. 53300 too many connections: the server is out of a resource. */
        OUT_OF_RESOURCES("the database is out of connections or another resource"),
        /**
         * The pool had no connection free within its connectionTimeout; no SQLSTATE, or the last one
         * the pool met opening a connection (why it has none).
         */
        POOL_TIMEOUT("no pooled connection became free within the pool's connectionTimeout");

        /** The message's words for this reason. */
        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    private final Reason reason;

    public DatabaseUnavailableException(Reason reason, String sqlState, Throwable cause) {
        super(reason.description + stateSuffix(sqlState), sqlState, cause);
        this.reason = reason;
    }

    /** True: after a back-off, the same operation may find the database (or a connection) available. */
    @Override
    public boolean retryable() {
        return true;
    }

    public Reason reason() {
        return reason;
    }
}
