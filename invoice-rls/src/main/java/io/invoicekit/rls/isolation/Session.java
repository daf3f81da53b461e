package io.invoicekit.rls.isolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.invoicekit.rls.TenantSigning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh connection with a transaction open, for one probe. Closing it ends the session without a
 * commit, so whatever the probe's seeds and its attack wrote is rolled back.
 */
final class Session implements AutoCloseable {

    private final Connection connection;
    private final TenantSigning signing;
    private final boolean owned;
    private SeededRows seeded = SeededRows.NONE;

    private Session(Connection connection, TenantSigning signing, boolean owned) {
        this.connection = connection;
        this.signing = signing;
        this.owned = owned;
    }

    /** The connection of a transaction someone else runs (TenantContext's): closing the session leaves it open. */
    static Session borrowing(Connection connection, TenantSigning signing) {
        return new Session(connection, signing, false);
    }

    static Session open(DataSource dataSource, TenantSigning signing) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            try (Statement statement = connection.createStatement()) {
                // A probe that waits for a lock (another probe's uncommitted row) reports it instead of hanging.
                statement.execute("set lock_timeout = '10s'");
            }
            connection.setAutoCommit(false);
            return new Session(connection, signing, true);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The rows seeded into the catalog's tables in this session's transaction ({@link CatalogSeeds}). */
    SeededRows seeded() {
        return seeded;
    }

    void seeded(SeededRows rows) {
        this.seeded = rows;
    }

    Connection connection() {
        return connection;
    }

    /** How this session gives a transaction its tenant: signed, as the service does, or unsigned. */
    TenantSigning signing() {
        return signing;
    }

    /** Sets the setting the tenant is given in, for the current transaction, to any text. */
    void tenant(String value) throws SQLException {
        text("select set_config(?, ?, true)", signing.setting(), value);
    }

    /** Sets {@code tenant} for the current transaction as TenantContext does. */
    void tenant(UUID tenant) throws SQLException {
        tenant(signing.value(tenant, Instant.now()));
    }

    /** What the setting the tenant is given in reads now: NULL, or the text quoted. */
    String setting() throws SQLException {
        String value = text("select current_setting(?, true)", signing.setting());
        return value == null ? "NULL" : "'" + value + "'";
    }

    /** Runs a statement; the rows it returned, or else the rows it changed. */
    long rows(String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = prepare(sql, binds)) {
            if (!statement.execute()) {
                return statement.getUpdateCount();
            }
            long rows = 0;
            try (ResultSet result = statement.getResultSet()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    long rows(String sql, Object... binds) throws SQLException {
        return rows(sql, List.of(binds));
    }

    /** The single number a query returns. */
    long number(String sql, Object... binds) throws SQLException {
        return number(sql, List.of(binds));
    }

    long number(String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = prepare(sql, binds); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The single text a query returns, or null. */
    String text(String sql, Object... binds) throws SQLException {
        return text(sql, List.of(binds));
    }

    String text(String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = prepare(sql, binds); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** Ends the transaction with a commit: only for probes that wrote nothing (the setting ends with it). */
    void commit() throws SQLException {
        connection.commit();
    }

    private PreparedStatement prepare(String sql, List<?> binds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (owned) {
            connection.close();
        }
    }
}
