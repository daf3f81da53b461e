package io.invoicekit.rls.isolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh connection with a transaction open, for one probe. Closing it ends the session without a
 * commit, so whatever an attack managed to change is rolled back.
 */
public final class Session implements AutoCloseable {

    private final Connection connection;

    private Session(Connection connection) {
        this.connection = connection;
    }

    static Session open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return new Session(connection);
    }

    public Connection connection() {
        return connection;
    }

    /** Sets the tenant for the current transaction, as TenantContext does, to any text. */
    public void tenant(String value) throws SQLException {
        text("select set_config('app.user_id', ?, true)", value);
    }

    public void tenant(UUID tenant) throws SQLException {
        tenant(tenant.toString());
    }

    /** Runs a statement; the rows it returned, or else the rows it changed. */
    public long rows(String sql, List<?> binds) throws SQLException {
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

    public long rows(String sql, Object... binds) throws SQLException {
        return rows(sql, List.of(binds));
    }

    /** The single number a query returns. */
    public long number(String sql, Object... binds) throws SQLException {
        try (PreparedStatement statement = prepare(sql, List.of(binds)); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The single text a query returns, or null. */
    public String text(String sql, Object... binds) throws SQLException {
        return text(sql, List.of(binds));
    }

    public String text(String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = prepare(sql, binds); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    public void commit() throws SQLException {
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
        connection.close();
    }
}
