package io.invoicekit.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Databases a test may break: empty ones to migrate step by step, and migrated copies to weaken
 * (drop a constraint, leave an index INVALID) so that a check has something to find. Every
 * database made here is dropped when the test class ends ({@link ScratchDatabaseExtension}).
 *
 * <p>Only a server the tests own can make them; against an existing database given by URL the
 * extension skips the test class instead (a JUnit assumption), so that nothing of the operator's
 * is ever dropped.
 */
public final class ScratchDatabases implements AutoCloseable {

    private final DatabaseProvider provider;
    private final List<ConnectionSettings> empty = new ArrayList<>();
    private final List<MigratedDatabase> migrated = new ArrayList<>();

    ScratchDatabases(DatabaseProvider provider) {
        this.provider = provider;
    }

    /** A new empty database, connected to as a superuser. */
    public synchronized ConnectionSettings empty() {
        ConnectionSettings database = provider.newEmptyDatabase();
        empty.add(database);
        return database;
    }

    /** A new copy of the migrated template, free to be weakened. */
    public synchronized MigratedDatabase migrated() {
        MigratedDatabase database = provider.newDatabase();
        migrated.add(database);
        return database;
    }

    /** Drops every database made here. */
    @Override
    public synchronized void close() {
        empty.forEach(provider::drop);
        migrated.forEach(provider::release);
        empty.clear();
        migrated.clear();
    }
}
