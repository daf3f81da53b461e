package io.invoicekit.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The test database of every module, chosen by the system property {@value #PROPERTY}:
 * <ul>
 *   <li>unset or {@code embedded}: an embedded PostgreSQL (io.zonky.test), real server binaries
 *       from Maven Central; nothing to install, no Docker. Pick the PostgreSQL version with the
 *       Maven property {@code invoice.test.pg.version}. {@link EmbeddedServers} starts such a
 *       server on its own, also from a binaries jar of another version.</li>
 *   <li>{@code testcontainers}: a PostgreSQL container, image from {@value #IMAGE_PROPERTY}
 *       (default {@value #DEFAULT_IMAGE}); needs Docker.</li>
 *   <li>a {@code jdbc:postgresql://...} URL: an existing database, as
 *       {@code invoice.test.db.user} / {@code invoice.test.db.password}; see
 *       {@link ExistingDatabaseProvider}.</li>
 * </ul>
 * One server per test JVM ({@link #shared()}); a fresh migrated database per test class,
 * copied from a migrated template database, which takes milliseconds instead of a migration.
 */
public final class TestDatabase {

    public static final String PROPERTY = "invoice.test.db";
    public static final String IMAGE_PROPERTY = "invoice.test.image";
    public static final String DEFAULT_IMAGE = "postgres:18";

    private TestDatabase() {
    }

    /** The provider of this JVM, started on first use and stopped when the JVM exits. */
    public static DatabaseProvider shared() {
        return Shared.PROVIDER;
    }

    /** A new provider as the system properties choose it; the caller closes it. */
    public static DatabaseProvider start() {
        String choice = System.getProperty(PROPERTY, "").strip();
        if (choice.isEmpty() || choice.equals("embedded")) {
            return startEmbedded();
        }
        if (choice.equals("testcontainers")) {
            return startContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
        }
        if (choice.startsWith("jdbc:postgresql://")) {
            return ExistingDatabaseProvider.fromSystemProperties(choice);
        }
        throw new IllegalArgumentException(PROPERTY + " must be 'embedded', 'testcontainers' or a "
                + "jdbc:postgresql:// URL, was '" + choice + "'");
    }

    private static DatabaseProvider startEmbedded() {
        EmbeddedServer server = EmbeddedServers.start();
        return TemplateDatabaseProvider.create(server.superuser(), server::close, "embedded");
    }

    private static DatabaseProvider startContainer(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200",
                        "-c", "shared_preload_libraries=pg_stat_statements", "-c", "track_activity_query_size=16384");
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the PostgreSQL container " + image + " did not start "
                    + "(is Docker running?): " + e.getMessage(), e);
        }
        ConnectionSettings admin = new ConnectionSettings(
                container.getJdbcUrl(), container.getUsername(), container.getPassword());
        return TemplateDatabaseProvider.create(admin, container::stop, "container " + image);
    }


    private static final class Shared {
        static final DatabaseProvider PROVIDER = startShared();

        private static DatabaseProvider startShared() {
            DatabaseProvider provider = start();
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "test-database-shutdown"));
            return provider;
        }
    }
}
