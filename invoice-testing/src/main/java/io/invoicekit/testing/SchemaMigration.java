package io.invoicekit.testing;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * Brings an empty test database to the schema under test. The test support knows no schema of its
 * own: it finds the migrations on the test classpath ({@link ServiceLoader}, {@code
 * META-INF/services/io.invoicekit.testing.SchemaMigration}). invoicekit's migration-scripts provide
 * the invoicing schema this way (order 0); a service that adds tables of its own registers a
 * migration of its own with a higher {@link #order()}, which then runs after ours on every test
 * database.
 */
public interface SchemaMigration {

    /**
     * Migrates the database {@code owner} connects to, granting the application's privileges to
     * {@code applicationRole} (a NOLOGIN role; the test login is made a member of it).
     */
    void migrate(DataSource owner, String applicationRole);

    /** Where this migration runs among the others found: lower first. */
    default int order() {
        return 0;
    }

    /**
     * Every migration on the classpath, in order, as one.
     *
     * @throws IllegalStateException when there is none: the schema's artifact is missing from the tests' classpath
     */
    static SchemaMigration onClasspath() {
        List<SchemaMigration> found = ServiceLoader.load(SchemaMigration.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(SchemaMigration::order))
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no SchemaMigration on the classpath: add io.invoicekit:migration-scripts "
                    + "(it comes with invoice-persistence) to the tests' dependencies");
        }
        return (owner, applicationRole) -> found.forEach(migration -> migration.migrate(owner, applicationRole));
    }
}
