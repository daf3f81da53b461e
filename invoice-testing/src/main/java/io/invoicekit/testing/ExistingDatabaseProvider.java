package io.invoicekit.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database that already exists, for example staging, given by URL. Every test class shares it,
 * so tests create their own tenants and never assume an empty table.
 *
 * <p>System properties: {@code invoice.test.db.user} and {@code invoice.test.db.password}, the
 * schema owner (default {@code postgres}, no password); {@code invoice.test.db.migrate=false} to
 * leave the schema as it is (default: migrate it, as a deployment would);
 * {@code invoice.test.db.app.role} (default {@code invoice_app}); and
 * {@code invoice.test.db.app.user} / {@code invoice.test.db.app.password}, a login member of the
 * application role. Without them, a login role {@code invoicekit_test_app} is created, which
 * needs CREATEROLE.
 */
final class ExistingDatabaseProvider implements DatabaseProvider {

    private final MigratedDatabase database;
    private final String description;

    private ExistingDatabaseProvider(MigratedDatabase database, String description) {
        this.database = database;
        this.description = description;
    }

    static ExistingDatabaseProvider fromSystemProperties(String url) {
        ConnectionSettings owner = new ConnectionSettings(url,
                System.getProperty("invoice.test.db.user", "postgres"),
                System.getProperty("invoice.test.db.password", ""));
        String role = System.getProperty("invoice.test.db.app.role", "invoice_app");
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
            if (Boolean.parseBoolean(System.getProperty("invoice.test.db.migrate", "true"))) {
                SchemaMigration.onClasspath().migrate(owner.dataSource(), role);
            }
            ConnectionSettings application = applicationLogin(owner, role, statement);
            RestrictedLogin.require(application, role);
            String description = "existing database " + owner + ", " + TemplateDatabaseProvider.version(statement);
            return new ExistingDatabaseProvider(new MigratedDatabase(owner, application, role), description);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the test database " + owner + " (set by -D"
                    + TestDatabase.PROPERTY + "): " + e.getMessage()
                    + ". Check the URL, invoice.test.db.user and invoice.test.db.password, or unset "
                    + TestDatabase.PROPERTY + " to use the embedded PostgreSQL.", e);
        }
    }

    private static ConnectionSettings applicationLogin(ConnectionSettings owner, String role, Statement statement)
            throws SQLException {
        String user = System.getProperty("invoice.test.db.app.user");
        if (user != null) {
            return owner.as(user, System.getProperty("invoice.test.db.app.password", ""));
        }
        String login = "invoicekit_test_app";
        String password = UUID.randomUUID().toString();
        statement.execute("DROP ROLE IF EXISTS " + login);
        statement.execute("CREATE ROLE " + login + " LOGIN PASSWORD '" + password + "' IN ROLE " + role);
        return owner.as(login, password);
    }

    @Override
    public MigratedDatabase newDatabase() {
        return database;
    }

    @Override
    public void release(MigratedDatabase database) {
        // Shared with every other test class and owned by the operator: never dropped.
    }

    @Override
    public boolean createsDatabases() {
        return false;
    }

    @Override
    public ConnectionSettings newEmptyDatabase() {
        throw new UnsupportedOperationException("an empty database needs a PostgreSQL server the tests own, "
                + "but -D" + TestDatabase.PROPERTY + " names an existing database (" + description + "), which "
                + "is never created or dropped by tests; run these tests on the embedded default or with -D"
                + TestDatabase.PROPERTY + "=testcontainers");
    }

    @Override
    public void drop(ConnectionSettings database) {
        throw new UnsupportedOperationException("the existing database " + database + " is never dropped by tests");
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // Nothing was started.
    }
}
