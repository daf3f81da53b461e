package io.invoicekit.migration;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.invoicekit.testing.MigratedDatabase;
import javax.sql.DataSource;
import org.postgresql.util.PGobject;

/**
 * Plain JDBC for the schema tests: one statement with bind parameters per call. Outside a
 * transaction each call opens a connection of its own and autocommits, as one request of a client
 * would; {@link #inTransaction} and {@link #inSession} hand the work an instance bound to one
 * connection. Not thread-safe: give every thread its own session.
 */
final class Sql {

    /** Work against the database that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlFunction<A, R> {
        R apply(A argument) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection connection;
    private final TenantTokens tokens;

    private Sql(DataSource dataSource, Connection connection, TenantTokens tokens) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.tokens = tokens;
    }

    /** Statements as a login that is not a member of the application role (the owner): it sets tenants unsigned. */
    static Sql on(DataSource dataSource) {
        return new Sql(requireNonNull(dataSource, "dataSource is null"), null, null);
    }

    /** Statements as the application login, which sets its tenants as signed tokens, as a service does. */
    static Sql asApplication(MigratedDatabase database) {
        return new Sql(database.applicationDataSource(), null, TenantTokens.of(database.tenantKey()));
    }

    int update(String sql, Object... parameters) throws SQLException {
        return withStatement(sql, parameters, PreparedStatement::executeUpdate);
    }

    /** Inserts the row and returns its id (null for a table without one). */
    UUID insert(Row row) throws SQLException {
        update(insertOf(row), row.values().values().toArray());
        return row.id();
    }

    /** Inserts the row and returns what the database stored in {@code column} (a number it allocated). */
    <T> T insertReturning(Row row, String column, Class<T> type) throws SQLException {
        return one(insertOf(row) + " returning " + column, type, row.values().values().toArray());
    }

    private static String insertOf(Row row) {
        String columns = String.join(", ", row.values().keySet());
        String placeholders = String.join(", ", Collections.nCopies(row.values().size(), "?"));
        return "insert into " + row.table() + " (" + columns + ") values (" + placeholders + ")";
    }

    /** The first column of the one row the query returns. */
    <T> T one(String sql, Class<T> type, Object... parameters) throws SQLException {
        return one(sql, row -> row.getObject(1, type), parameters);
    }

    <T> T one(String sql, SqlFunction<ResultSet, T> mapper, Object... parameters) throws SQLException {
        List<T> rows = list(sql, mapper, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + " from: " + sql);
        }
        return rows.getFirst();
    }

    <T> List<T> list(String sql, Class<T> type, Object... parameters) throws SQLException {
        return list(sql, row -> row.getObject(1, type), parameters);
    }

    <T> List<T> list(String sql, SqlFunction<ResultSet, T> mapper, Object... parameters) throws SQLException {
        return withStatement(sql, parameters, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(mapper.apply(result));
                }
                return rows;
            }
        });
    }

    /** Runs the work in one transaction and commits it; rolls it back if the work fails. */
    <T> T inTransaction(SqlFunction<Sql, T> work) throws SQLException {
        return transaction(work, true);
    }

    /** Runs the work in the transaction this instance is in, or else in one of its own that it commits. */
    <T> T atomically(SqlFunction<Sql, T> work) throws SQLException {
        if (connection != null && !connection.getAutoCommit()) {
            return work.apply(this);
        }
        return inTransaction(work);
    }

    /** Runs the work in one transaction and rolls it back, as a request that fails after it would. */
    <T> T inRolledBackTransaction(SqlFunction<Sql, T> work) throws SQLException {
        return transaction(work, false);
    }

    /**
     * A committed transaction with the tenant set the way invoice-rls sets it: the bind-parameter
     * form of SET LOCAL, so the setting ends with the transaction.
     */
    <T> T inTenantTransaction(UUID tenant, SqlFunction<Sql, T> work) throws SQLException {
        return inTenantTransaction(tenant, null, work);
    }

    /** {@link #inTenantTransaction(UUID, SqlFunction)} with {@code actor} (null: none) set too, see {@link #setTenant}. */
    <T> T inTenantTransaction(UUID tenant, String actor, SqlFunction<Sql, T> work) throws SQLException {
        return inTransaction(transaction -> {
            transaction.setTenant(tenant, actor);
            return work.apply(transaction);
        });
    }

    /**
     * The tenant and the actor (who asked, for the audit trail; null: none) for the rest of the
     * transaction, in the one statement invoice-rls's TenantContext sets them with ('' for no actor).
     */
    void setTenant(UUID tenant, String actor) throws SQLException {
        one("select set_config(?, ?, true), set_config('app.actor', coalesce(?, ''), true)", String.class,
                tenantSetting(), tenantValue(tenant), actor);
    }

    /** The tenant alone for the rest of the transaction, the actor left as it is. */
    void setTenant(UUID tenant) throws SQLException {
        one("select set_config(?, ?, true)", String.class, tenantSetting(), tenantValue(tenant));
    }

    private String tenantSetting() {
        return tokens == null ? "app.user_id" : "app.tenant_token";
    }

    private String tenantValue(UUID tenant) {
        return tokens == null ? tenant.toString() : tokens.token(tenant);
    }

    /** A JSON value to bind to a jsonb column or parameter. */
    static PGobject jsonb(String json) {
        try {
            PGobject value = new PGobject();
            value.setType("jsonb");
            value.setValue(json);
            return value;
        } catch (SQLException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** Runs the work on one connection of its own in autocommit mode, like a client's session. */
    <T> T inSession(SqlFunction<Sql, T> work) throws SQLException {
        return withConnection(session -> work.apply(new Sql(null, session, tokens)));
    }

    /**
     * Runs the work in that many sessions at once, each on a thread and connection of its own, and
     * starts them together once all are connected, so that they contend; returns all their results.
     */
    <T> List<T> inConcurrentSessions(int sessions, SqlFunction<Sql, List<T>> work) throws Exception {
        CyclicBarrier allConnected = new CyclicBarrier(sessions);
        Callable<List<T>> session = () -> inSession(connection -> {
            try {
                // A bound, not a pause: it ends the test if a session never connects.
                allConnected.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the sessions did not all connect", e);
            }
            return work.apply(connection);
        });
        List<T> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(sessions)) {
            for (Future<List<T>> result : threads.invokeAll(Collections.nCopies(sessions, session))) {
                results.addAll(result.get());
            }
        }
        return results;
    }

    private <T> T transaction(SqlFunction<Sql, T> work, boolean commit) throws SQLException {
        return withConnection(transaction -> {
            if (!transaction.getAutoCommit()) {
                throw new IllegalStateException("already in a transaction: transactions do not nest");
            }
            transaction.setAutoCommit(false);
            try {
                T result = work.apply(new Sql(null, transaction, tokens));
                if (commit) {
                    transaction.commit();
                } else {
                    transaction.rollback();
                }
                return result;
            } catch (Throwable failure) {
                transaction.rollback();
                throw failure;
            } finally {
                transaction.setAutoCommit(true);
            }
        });
    }

    private <T> T withStatement(String sql, Object[] parameters, SqlFunction<PreparedStatement, T> work)
            throws SQLException {
        return withConnection(session -> {
            try (PreparedStatement statement = session.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return work.apply(statement);
            }
        });
    }

    private <T> T withConnection(SqlFunction<Connection, T> work) throws SQLException {
        if (connection != null) {
            return work.apply(connection);
        }
        try (Connection own = dataSource.getConnection()) {
            return work.apply(own);
        }
    }
}
