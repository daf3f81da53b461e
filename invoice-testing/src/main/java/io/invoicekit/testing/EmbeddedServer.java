package io.invoicekit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL server (io.zonky.test: real server binaries from Maven Central, nothing to
 * install, no Docker), set up as the test database runs it: durability off, pg_stat_statements
 * preloaded, whole statements in pg_stat_activity. Its data lives in a temporary directory that
 * {@link #close()} removes. The test database ({@link TestDatabase}) and the operator's
 * command-line tool (invoicekit-cli, on a machine without a database) both start it here.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final ConnectionSettings superuser;
    private final String version;

    private EmbeddedServer(EmbeddedPostgres server, ConnectionSettings superuser, String version) {
        this.server = server;
        this.superuser = superuser;
        this.version = version;
    }

    /**
     * Starts a server; the caller closes it.
     *
     * @throws UncheckedIOException when it does not start
     */
    public static EmbeddedServer start() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    // Durability buys nothing in a throw-away server; speed does.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    // Loaded so that the health report's slow-statement check can be tested; a
                    // database sees it only after CREATE EXTENSION pg_stat_statements.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // Whole migration statements in pg_stat_activity (default 1 kB cuts them after
                    // their header comment), for tests that find a migration by what it runs.
                    .setServerConfig("track_activity_query_size", "16384")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
        ConnectionSettings superuser = new ConnectionSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            return new EmbeddedServer(server, superuser, TemplateDatabaseProvider.version(statement));
        } catch (SQLException e) {
            closeQuietly(server);
            throw new IllegalStateException("the embedded PostgreSQL started but refused a connection: "
                    + e.getMessage(), e);
        }
    }

    /** The superuser {@code postgres} on the database {@code postgres}. */
    public ConnectionSettings superuser() {
        return superuser;
    }

    /** The server's version, e.g. {@code PostgreSQL 18.6}. */
    public String version() {
        return version;
    }

    /** The port it listens on (localhost). */
    public int port() {
        return server.getPort();
    }

    /** Stops the server and removes its data. */
    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("stopping the embedded PostgreSQL failed: " + e);
        }
    }
}
