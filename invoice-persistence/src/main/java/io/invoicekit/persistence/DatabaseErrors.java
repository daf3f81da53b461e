package io.invoicekit.persistence;

import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.DEADLOCK;
import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.LOCK_TIMEOUT;
import static io.invoicekit.core.failure.ConcurrencyConflictException.Reason.SERIALIZATION_FAILURE;

import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.ConstraintViolationException;
import io.invoicekit.core.failure.ConstraintViolationException.Kind;
import io.invoicekit.core.failure.DatabaseException;
import io.invoicekit.core.failure.TenantAccessDeniedException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates PostgreSQL errors into {@link DatabaseException}s by SQLSTATE and constraint name,
 * which PostgreSQL reports as fields of the error, so no message text is parsed; the rule's words
 * come from the schema ({@link RuleWordings}).
 */
final class DatabaseErrors {

    private final RuleWordings wordings;

    DatabaseErrors(RuleWordings wordings) {
        this.wordings = wordings;
    }

    /** The typed exception for {@code failure}, or {@code failure} itself if none applies. */
    RuntimeException translate(RuntimeException failure) {
        PSQLException psql = findPsqlException(failure);
        if (psql == null || psql.getSQLState() == null) {
            return failure;
        }
        String state = psql.getSQLState();
        ServerErrorMessage server = psql.getServerErrorMessage();
        return switch (state) {
            case "23514" -> violation(Kind.CHECK, state, server, failure);
            case "23502" -> violation(Kind.NOT_NULL, state, server, failure);
            case "23503" -> violation(Kind.FOREIGN_KEY, state, server, failure);
            case "23505" -> violation(Kind.UNIQUE, state, server, failure);
            case "40001" -> new ConcurrencyConflictException(SERIALIZATION_FAILURE,
                    "serialization failure: another transaction changed the same data; retry", state, failure);
            case "40P01" -> new ConcurrencyConflictException(DEADLOCK,
                    "deadlock detected; retry", state, failure);
            case "55P03" -> new ConcurrencyConflictException(LOCK_TIMEOUT,
                    "a lock was not granted within lock_timeout; retry", state, failure);
            case "42501" -> new TenantAccessDeniedException(
                    "refused by row-level security or privileges: " + psql.getMessage(), state, failure);
            default -> failure;
        };
    }

    /**
     * The rule in words: the constraint's comment, else the DETAIL a guard trigger raises its rule
     * with, else (NOT NULL) the column, else PostgreSQL's message.
     */
    private ConstraintViolationException violation(
            Kind kind, String state, ServerErrorMessage server, RuntimeException failure) {
        if (server == null) {
            return new ConstraintViolationException(kind, state, "?", kind.name().toLowerCase(Locale.ROOT),
                    failure.getMessage(), failure);
        }
        String table = Objects.requireNonNullElse(server.getTable(), "?");
        String constraint = server.getConstraint();
        String rule = Optional.ofNullable(constraint).flatMap(name -> wordings.of(table, name))
                .or(() -> Optional.ofNullable(server.getDetail()).filter(detail -> constraint != null))
                .orElseGet(() -> kind == Kind.NOT_NULL ? server.getColumn() + " is required" : server.getMessage());
        return new ConstraintViolationException(kind, state, table,
                Objects.requireNonNullElse(constraint, kind.name().toLowerCase(Locale.ROOT)), rule, failure);
    }

    private static PSQLException findPsqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                return psql;
            }
        }
        return null;
    }
}
