package io.invoicekit.persistence;

import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.DEADLOCK;
import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.LOCK_TIMEOUT;
import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.SERIALIZATION_FAILURE;
import static io.invoicekit.core.failure.DatabaseTimeoutException.Reason.IDLE_IN_TRANSACTION;
import static io.invoicekit.core.failure.DatabaseTimeoutException.Reason.STATEMENT_CANCELED;
import static io.invoicekit.core.failure.DatabaseTimeoutException.Reason.TRANSACTION_TIMEOUT;
import static io.invoicekit.core.failure.DatabaseUnavailableException.Reason.CONNECTION_FAILED;
import static io.invoicekit.core.failure.DatabaseUnavailableException.Reason.OUT_OF_RESOURCES;
import static io.invoicekit.core.failure.DatabaseUnavailableException.Reason.POOL_TIMEOUT;
import static io.invoicekit.core.failure.DatabaseUnavailableException.Reason.SESSION_TERMINATED;
import static io.invoicekit.core.failure.DatabaseUnavailableException.Reason.STARTING_UP;
import static io.invoicekit.core.failure.UnstorableValueException.Reason.CHARACTER_NOT_STORABLE;
import static io.invoicekit.core.failure.UnstorableValueException.Reason.DATETIME_OUT_OF_RANGE;
import static io.invoicekit.core.failure.UnstorableValueException.Reason.NUMBER_OUT_OF_RANGE;
import static io.invoicekit.core.failure.UnstorableValueException.Reason.TEXT_TOO_LONG;

import io.invoicekit.core.failure.CommitOutcomeUnknownException;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.ConstraintViolationException;
import io.invoicekit.core.failure.ConstraintViolationException.Kind;
import io.invoicekit.core.failure.DatabaseException;
import io.invoicekit.core.failure.DatabaseTimeoutException;
import io.invoicekit.core.failure.DatabaseUnavailableException;
import io.invoicekit.core.failure.InvoiceKitException;
import io.invoicekit.core.failure.TenantAccessDeniedException;
import io.invoicekit.core.failure.UnclassifiedDatabaseException;
import io.invoicekit.core.failure.UnstorableValueException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates what fails on the way to and in the database (jOOQ's exceptions, the driver's and the
 * pool's {@link SQLException}s however wrapped) into {@link DatabaseException}s, by SQLSTATE, constraint
 * name and exception type, which PostgreSQL and JDBC report as data, so no message text is parsed; the
 * rule's words come from the schema ({@link RuleWordings}). The work's own exceptions, ours and the
 * service's, pass unchanged. The typed exception's cause is the {@link SQLException}, not jOOQ's
 * wrapper, whose message is the statement's SQL.
 */
final class DatabaseErrors {

    private final RuleWordings wordings;

    DatabaseErrors(RuleWordings wordings) {
        this.wordings = wordings;
    }

    /**
     * The typed exception for a failure while the work ran (or began), or {@code failure} itself if
     * it is the work's own.
     */
    RuntimeException translate(RuntimeException failure) {
        return translate(failure, false);
    }

    /**
     * As {@link #translate}, for a failure after the work returned, which came from COMMIT. A refusal
     * the server answered (a deferred constraint, a serialization failure) is definite: the
     * transaction rolled back. A connection lost, or a session ended, before the answer arrived
     * leaves the outcome unknown: {@link CommitOutcomeUnknownException}.
     */
    RuntimeException translateAtCommit(RuntimeException failure) {
        return translate(failure, true);
    }

    private RuntimeException translate(RuntimeException failure, boolean atCommit) {
        if (failure instanceof InvoiceKitException) {
            return failure;
        }
        SQLException sql = sqlExceptionIn(failure);
        if (sql == null) {
            // jOOQ failing on its own (a mapping, a result of the wrong size): a bug, never a jOOQ type for the caller.
            return failure instanceof DataAccessException
                    ? new UnclassifiedDatabaseException(
                            "the database layer failed: " + failure.getClass().getSimpleName(), null, failure)
                    : failure;
        }
        String state = sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException) {
            // HikariCP's timeout; its SQLSTATE, if any, is the last one it met opening a connection.
            return new DatabaseUnavailableException(POOL_TIMEOUT, state, sql);
        }
        if (atCommit && noAnswer(state)) {
            return new CommitOutcomeUnknownException(state, sql);
        }
        if (state == null) {
            return new UnclassifiedDatabaseException(sql.getMessage(), null, sql);
        }
        ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return switch (state) {
            case "23514" -> violation(Kind.CHECK, state, server, sql);
            case "23502" -> violation(Kind.NOT_NULL, state, server, sql);
            case "23503" -> violation(Kind.FOREIGN_KEY, state, server, sql);
            case "23505" -> violation(Kind.UNIQUE, state, server, sql);
            case "40001" -> new ConcurrencyConflictException(SERIALIZATION_FAILURE,
                    "serialization failure: another transaction changed the same data; retry", state, sql);
            case "40P01" -> new ConcurrencyConflictException(DEADLOCK, "deadlock detected; retry", state, sql);
            case "55P03" -> new ConcurrencyConflictException(LOCK_TIMEOUT,
                    "a lock was not granted within lock_timeout; retry", state, sql);
            case "42501" -> new TenantAccessDeniedException(
                    "refused by row-level security or privileges: " + primaryMessage(server, sql), state, sql);
            case "57014" -> new DatabaseTimeoutException(STATEMENT_CANCELED, state, sql);
            case "25P03" -> new DatabaseTimeoutException(IDLE_IN_TRANSACTION, state, sql);
            case "25P04" -> new DatabaseTimeoutException(TRANSACTION_TIMEOUT, state, sql);
            case "57P01", "57P02", "57P05" -> new DatabaseUnavailableException(SESSION_TERMINATED, state, sql);
            case "57P03" -> new DatabaseUnavailableException(STARTING_UP, state, sql);
            case "22003" -> new UnstorableValueException(NUMBER_OUT_OF_RANGE, state, sql);
            case "22008" -> new UnstorableValueException(DATETIME_OUT_OF_RANGE, state, sql);
            case "22001" -> new UnstorableValueException(TEXT_TOO_LONG, state, sql);
            case "22021", "22P05" -> new UnstorableValueException(CHARACTER_NOT_STORABLE, state, sql);
            default -> byClass(state, server, sql);
        };
    }

    /** The SQLSTATEs no single state above names, by their class (the first two characters). */
    private DatabaseException byClass(String state, ServerErrorMessage server, SQLException sql) {
        return switch (state.substring(0, 2)) {
            case "08" -> new DatabaseUnavailableException(CONNECTION_FAILED, state, sql);
            case "53" -> new DatabaseUnavailableException(OUT_OF_RESOURCES, state, sql);
            case "23" -> violation(Kind.OTHER, state, server, sql);
            default -> new UnclassifiedDatabaseException(primaryMessage(server, sql), state, sql);
        };
    }

    /**
     * Whether a failure at COMMIT may have come before or after the commit: the connection broke
     * (class 08, or no SQLSTATE: the driver got no answer) or the server ended the session (57P01,
     * 57P02), possibly after committing, before replying.
     */
    private static boolean noAnswer(String state) {
        return state == null || state.startsWith("08") || state.equals("57P01") || state.equals("57P02");
    }


    /**
     * The rule in words: the constraint's comment, else the DETAIL a guard trigger raises its rule
     * with, else (NOT NULL) the column, else PostgreSQL's message.
     */
    private ConstraintViolationException violation(Kind kind, String state, ServerErrorMessage server,
                                                   SQLException sql) {
        String defaultName = kind.name().toLowerCase(Locale.ROOT);
        if (server == null) {
            return new ConstraintViolationException(kind, state, "?", defaultName, sql.getMessage(), sql);
        }
        String table = Objects.requireNonNullElse(server.getTable(), "?");
        String constraint = server.getConstraint();
        String rule = Optional.ofNullable(constraint).flatMap(name -> wordings.of(table, name))
                .or(() -> Optional.ofNullable(server.getDetail()).filter(detail -> constraint != null))
                .orElseGet(() -> kind == Kind.NOT_NULL ? server.getColumn() + " is required" : server.getMessage());
        return new ConstraintViolationException(kind, state, table, Objects.requireNonNullElse(constraint, defaultName),
                rule, sql);
    }

    /**
     * PostgreSQL's primary message, without the DETAIL (which may quote values) and the context
     * (which may quote SQL); the driver's message when the driver, not the server, failed.
     */
    private static String primaryMessage(ServerErrorMessage server, SQLException sql) {
        return server != null && server.getMessage() != null ? server.getMessage() : sql.getMessage();
    }

    /** The outermost SQLException in the chain: jOOQ wraps the driver's, the pool's wraps the driver's in turn. */
    private static SQLException sqlExceptionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
