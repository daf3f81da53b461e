package io.invoicekit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import io.invoicekit.rls.TenantSigning;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Rows inserted as the application's login, past every Java rule, with plain JDBC and bind
 * parameters: what the database itself takes or refuses. Each insert runs in a transaction for its
 * tenant (row-level security applies) and is rolled back, so nothing is stored and deferred
 * checks never run; triggers that fire before a constraint do.
 */
final class ApplicationWrites {

    /** What became of a row: stored (with what the database stored in the column asked for), or refused. */
    sealed interface Outcome permits Stored, Refused {
    }

    record Stored(Object value) implements Outcome {
    }

    /** @param constraint the constraint PostgreSQL named, null for a refusal by a column's type */
    record Refused(String sqlState, String constraint, String message) implements Outcome {
    }

    private final DataSource application;
    private final TenantSigning signing;

    ApplicationWrites(DataSource application, TenantSigning signing) {
        this.application = application;
        this.signing = signing;
    }

    /** Inserts {@code row} into {@code table} for {@code tenant}, then rolls back. */
    Outcome insert(UUID tenant, String table, Map<String, Object> row, String returning) {
        String sql = "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", Collections.nCopies(row.size(), "?")) + ") returning " + returning;
        try (Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement setTenant = connection.prepareStatement("select set_config(?, ?, true)")) {
                    setTenant.setString(1, signing.setting());
                    setTenant.setString(2, signing.value(tenant, Instant.now()));
                    setTenant.execute();
                }
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int index = 1;
                    for (Object value : row.values()) {
                        insert.setObject(index++, value);
                    }
                    try (ResultSet stored = insert.executeQuery()) {
                        stored.next();
                        return new Stored(stored.getObject(1));
                    }
                }
            } catch (PSQLException refused) {
                ServerErrorMessage server = refused.getServerErrorMessage();
                return new Refused(refused.getSQLState(), server == null ? null : server.getConstraint(),
                        refused.getMessage());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + table + " as the application: " + e.getMessage(), e);
        }
    }

    /** The row without values that cannot be printed as they are (NUL, half characters), for a message. */
    static String describe(Map<String, Object> row) {
        return row.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + printable(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String printable(Object value) {
        if (!(value instanceof String text)) {
            return String.valueOf(value);
        }
        String shown = text.length() > 40 ? text.substring(0, 20) + "...(" + text.length() + ")" : text;
        return shown.chars().mapToObj(c -> c < 0x20 || Character.isSurrogate((char) c) || c > 0x7e
                ? "\\u%04x".formatted(c) : String.valueOf((char) c)).collect(Collectors.joining("", "'", "'"));
    }
}
