package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How the baselines run SQL: one transaction per call on a pooled connection, shaped as
 * {@code InvoiceStore} shapes its own (auto-commit off, work, commit, auto-commit back on), so
 * that the difference to the repository is the repository's own work. With {@code setsTenant}
 * the first statement sets the tenant exactly as invoice-rls does; without it (the RLS-off
 * baseline, connected as a role that bypasses RLS) the explicit {@code user_id = ?} of every
 * query is the only tenant filter.
 */
final class TenantSql {

    // The same statement, with the same bind parameter, as io.invoicekit.rls.TenantContext.
    private static final String SET_TENANT = "select set_config('app.user_id', ?, true)";

    private final DataSource pool;
    private final boolean setsTenant;

    TenantSql(DataSource pool, boolean setsTenant) {
        this.pool = pool;
        this.setsTenant = setsTenant;
    }

    /** Whether this way in sets the tenant (the RLS-off baseline does not). */
    boolean setsTenant() {
        return setsTenant;
    }

    <T> T inTransaction(UUID tenant, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (setsTenant) {
                    query(connection, SET_TENANT, tenant.toString());
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark SQL failed: " + e.getMessage(), e);
        }
    }

    /** Runs a query and reads every column of every row with {@code getObject}, as the driver types it. */
    static List<Object[]> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Runs an INSERT or UPDATE; returns the rows it changed. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
