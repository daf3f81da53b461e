package io.invoicekit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A running embedded PostgreSQL server that {@link EmbeddedServers} started: its superuser
 * connection and its version. {@link #close()} stops it and deletes its data directory.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final ConnectionSettings superuser;
    private final String version;
    private final int versionNumber;

    private EmbeddedServer(EmbeddedPostgres server, ConnectionSettings superuser, String version, int versionNumber) {
        this.server = server;
        this.superuser = superuser;
        this.version = version;
        this.versionNumber = versionNumber;
    }

    static EmbeddedServer started(EmbeddedPostgres server) {
        ConnectionSettings superuser = new ConnectionSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            result.next();
            return new EmbeddedServer(server, superuser, result.getString(1), result.getInt(2));
        } catch (SQLException e) {
            try {
                server.close();
            } catch (IOException stop) {
                e.addSuppressed(stop);
            }
            throw new IllegalStateException("the embedded PostgreSQL started but does not answer at "
                    + superuser + ": " + e.getMessage(), e);
        }
    }

    /** The superuser {@code postgres} (no password) on the database {@code postgres}. */
    public ConnectionSettings superuser() {
        return superuser;
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres}: the superuser's connection, as user {@code postgres}, no password. */
    public String jdbcUrl() {
        return superuser.jdbcUrl();
    }

    /** The port it listens on (localhost). */
    public int port() {
        return server.getPort();
    }

    /** {@code server_version}, e.g. {@code 15.20}. */
    public String version() {
        return version;
    }

    /** {@code server_version_num}, e.g. {@code 150020}; its major is {@code versionNumber() / 10000}. */
    public int versionNumber() {
        return versionNumber;
    }

    /** The major version, e.g. {@code 15}. */
    public int majorVersion() {
        return versionNumber / 10000;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL on port " + server.getPort()
                    + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + version + " at " + jdbcUrl();
    }
}
