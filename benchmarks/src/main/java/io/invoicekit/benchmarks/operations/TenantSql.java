package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantFoldingConnection;
import io.invoicekit.rls.TenantSigning;
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
 * that the difference to the repository is the repository's own work. The tenant is set in one
 * of three ways:
 * <ul>
 *   <li>{@link #asTheStore}: exactly as invoice-rls's {@code TenantContext} does for the given
 *       {@link TenantSigning}, through the same {@link TenantFoldingConnection}: the same statement
 *       with the same bind parameters (a token signed per call, or the bare id in compatibility
 *       mode), sent in the round trip of the work's first statement, failing as the context fails
 *       when the database gives the transaction no tenant;</li>
 *   <li>{@link #asTheSeeds}: the seeds' {@code set_config('app.user_id', ?, true)}, a statement of
 *       its own before the work's, for the
 *       baseline copies whose policy reads {@code app.user_id} itself;</li>
 *   <li>{@link #withoutTenant}: none, for the RLS-off baseline (connected as a role that bypasses
 *       RLS), where the explicit {@code user_id = ?} of every query is the only tenant filter.</li>
 * </ul>
 */
final class TenantSql {

    // What the seeds' service sent, and TenantContext before the signed context.
    private static final String SET_TENANT_AS_THE_SEEDS = "select set_config('app.user_id', ?, true)";

    /** How a way in gives its transaction the tenant: the connection the work then runs on. */
    @FunctionalInterface
    private interface TenantSetting {

        Connection set(Connection transaction, UUID tenant) throws SQLException;
    }

    private final DataSource pool;
    private final TenantSetting setting;

    private TenantSql(DataSource pool, TenantSetting setting) {
        this.pool = pool;
        this.setting = setting;
    }

    /** The tenant set as the store sets it with {@code signing}. */
    static TenantSql asTheStore(DataSource pool, TenantSigning signing) {
        return new TenantSql(pool, (transaction, tenant) ->
                TenantFoldingConnection.settingTenant(transaction, signing, TenantId.of(tenant), null));
    }

    /** The tenant set as the bare {@code app.user_id}, the seeds' way. */
    static TenantSql asTheSeeds(DataSource pool) {
        return new TenantSql(pool, (transaction, tenant) -> {
            query(transaction, SET_TENANT_AS_THE_SEEDS, tenant.toString());
            return transaction;
        });
    }

    /** No tenant set: for a login that bypasses row-level security. */
    static TenantSql withoutTenant(DataSource pool) {
        return new TenantSql(pool, null);
    }

    /** Whether this way in sets the tenant (the RLS-off baseline does not). */
    boolean setsTenant() {
        return setting != null;
    }

    <T> T inTransaction(UUID tenant, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(setting == null ? connection : setting.set(connection, tenant));
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
            return rows(result);
        }
    }

    /** Every column of every row of {@code result} with {@code getObject}, as the driver types it; closes it. */
    static List<Object[]> rows(ResultSet result) throws SQLException {
        try (result) {
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
