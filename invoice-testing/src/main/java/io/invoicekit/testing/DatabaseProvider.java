package io.invoicekit.testing;

/**
 * Hands out migrated databases from one PostgreSQL server. Closing it stops a server it started.
 */
public interface DatabaseProvider extends AutoCloseable {

    /** A migrated database for one test class (or one code generation run). */
    MigratedDatabase newDatabase();

    /** Gives a database handed out by {@link #newDatabase()} back; the provider may drop it. */
    void release(MigratedDatabase database);

    /**
     * Whether this provider may create and drop databases of its own: true for a server it
     * started (embedded, container), false for an existing database given by URL, which belongs
     * to its operator.
     */
    boolean createsDatabases();

    /**
     * A new, empty database (nothing migrated), as a superuser, for tests of the migrations
     * themselves: upgrade paths, interrupted runs, undo scripts. Give it back with {@link #drop}.
     *
     * @throws UnsupportedOperationException when {@link #createsDatabases()} is false
     */
    ConnectionSettings newEmptyDatabase();

    /** Drops a database made by {@link #newEmptyDatabase()}, ending its connections. */
    void drop(ConnectionSettings database);

    /** A line for logs: which server, which version. */
    String describe();

    @Override
    void close();
}
