package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction left open, holding the locks its statements took, as a long-running report or
 * a forgotten session in production does. Closing it rolls it back.
 */
final class OpenTransaction implements AutoCloseable {

    private final Connection connection;

    private OpenTransaction(Connection connection) {
        this.connection = connection;
    }

    static OpenTransaction begin(ConnectionSettings database, String... statements) throws SQLException {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            return new OpenTransaction(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }
}
