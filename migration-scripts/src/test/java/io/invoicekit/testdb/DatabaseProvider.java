package io.invoicekit.testdb;

/**
 * Hands out migrated databases from one PostgreSQL server. Closing it stops a server it started.
 */
public interface DatabaseProvider extends AutoCloseable {

    /** A migrated database for one test class (or one code generation run). */
    MigratedDatabase newDatabase();

    /** Gives a database handed out by {@link #newDatabase()} back; the provider may drop it. */
    void release(MigratedDatabase database);

    /** A line for logs: which server, which version. */
    String describe();

    @Override
    void close();
}
