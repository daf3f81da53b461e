package io.invoicekit.benchmarks.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One table's COPY ... FROM STDIN on a connection of its own, fed in chunks of about a megabyte.
 * The session runs with {@code session_replication_role = replica} unless it is opened with
 * {@link #openFiringTriggers}: foreign keys and triggers do not fire (the generator writes
 * consistent rows, and the payment trigger must not apply payments that the invoices already show
 * as paid), while CHECK, NOT NULL and unique constraints still hold every row to the schema's rules.
 */
final class TableCopy implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final CopyText text = new CopyText();
    private long rows;

    private TableCopy(Connection connection, CopyIn copy) {
        this.connection = connection;
        this.copy = copy;
    }

    /**
     * Starts the COPY on {@code connection}, which it then owns (and closes, even if starting fails),
     * with triggers and foreign keys off.
     */
    static TableCopy open(Connection connection, String copyStatement) throws SQLException {
        return open(connection, copyStatement, true);
    }

    /** The same with triggers and foreign keys on: for a table whose triggers make rows the load needs. */
    static TableCopy openFiringTriggers(Connection connection, String copyStatement) throws SQLException {
        return open(connection, copyStatement, false);
    }

    private static TableCopy open(Connection connection, String copyStatement, boolean asReplica) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (asReplica) {
                statement.execute("SET session_replication_role = replica");
            }
            return new TableCopy(connection, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    void add(CopyRow row) throws SQLException {
        row.writeTo(text);
        text.endLine();
        rows++;
        if (text.length() >= CHUNK) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY, which commits it; returns the rows copied. */
    long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = text.drain().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** Cancels a COPY that did not finish (nothing of it is stored) and closes the connection. */
    @Override
    public void close() throws SQLException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } finally {
            connection.close();
        }
    }
}
