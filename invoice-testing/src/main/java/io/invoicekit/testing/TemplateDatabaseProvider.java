package io.invoicekit.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server this JVM started and owns (embedded or container): the schema is migrated once into a
 * template database, and each test class gets a copy ({@code CREATE DATABASE ... TEMPLATE}).
 */
final class TemplateDatabaseProvider implements DatabaseProvider {

    private static final String TEMPLATE = "invoicekit_template";
    private static final String APPLICATION_ROLE = "invoice_app";
    private static final String APPLICATION_LOGIN = "invoicekit_test_app";

    private final ConnectionSettings admin;
    private final AutoCloseable server;
    private final String description;
    private final String applicationPassword;
    private final AtomicInteger databases = new AtomicInteger();

    private TemplateDatabaseProvider(ConnectionSettings admin, AutoCloseable server, String description,
                                     String applicationPassword) {
        this.admin = admin;
        this.server = server;
        this.description = description;
        this.applicationPassword = applicationPassword;
    }

    static TemplateDatabaseProvider create(ConnectionSettings admin, AutoCloseable server, String kind) {
        String password = UUID.randomUUID().toString();
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + TEMPLATE);
            SchemaMigration.onClasspath().migrate(admin.toDatabase(TEMPLATE).dataSource(), APPLICATION_ROLE);
            // The tests' tenant key, in the template so that every copy has it before its test reads anything.
            new MigratedDatabase(admin.toDatabase(TEMPLATE), null, APPLICATION_ROLE).tenantKey();
            statement.execute("DROP ROLE IF EXISTS " + APPLICATION_LOGIN);
            statement.execute("CREATE ROLE " + APPLICATION_LOGIN + " LOGIN PASSWORD '" + password
                    + "' IN ROLE " + APPLICATION_ROLE);
            String version = version(statement);
            return new TemplateDatabaseProvider(admin, server, kind + " " + version, password);
        } catch (SQLException e) {
            closeQuietly(server);
            throw new IllegalStateException("could not prepare the template database on " + kind
                    + " (" + admin + "): " + e.getMessage(), e);
        }
    }

    @Override
    public MigratedDatabase newDatabase() {
        String name = "invoicekit_test_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        // A copy takes the template's schema, not its privileges on the database itself: take TEMP
        // away again, as V8 did on the template (RlsAudit reports a database where it is missing).
        execute("REVOKE TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
        ConnectionSettings owner = admin.toDatabase(name);
        ConnectionSettings application = owner.as(APPLICATION_LOGIN, applicationPassword);
        RestrictedLogin.require(application, APPLICATION_ROLE);
        return new MigratedDatabase(owner, application, APPLICATION_ROLE);
    }

    @Override
    public void release(MigratedDatabase database) {
        drop(database.owner());
    }

    @Override
    public boolean createsDatabases() {
        return true;
    }

    @Override
    public ConnectionSettings newEmptyDatabase() {
        String name = "invoicekit_empty_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return admin.toDatabase(name);
    }

    @Override
    public void drop(ConnectionSettings database) {
        execute("DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    private void execute(String sql) {
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + description + ": " + e.getMessage(), e);
        }
    }

    static String version(Statement statement) throws SQLException {
        try (var result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("stopping the test database server failed: " + e);
        }
    }
}
