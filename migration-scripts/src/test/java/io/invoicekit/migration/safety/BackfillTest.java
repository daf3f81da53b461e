package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V5's due-date backfill on a large table, the real path (V4 with legacy invoices, then V5),
 * while the release before keeps writing: it commits batch by batch, so when it is killed part
 * way the batches done stay done, and running the migration again finishes without rewriting
 * them; no writer fails, and the longest write is printed next to the batch size.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class BackfillTest {

    private static final int INVOICES = 100_000;
    /** Where the backfill is made to wait: past five batches of V5's 10,000, before the end. */
    private static final int PAUSE_AT_KEY_POSITION = 55_000;
    private static final long PAUSE_LOCK = 4_711;

    private final ScratchDatabases databases;

    BackfillTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    @Test
    void the_backfill_resumes_after_being_killed_and_never_blocks_writers_for_longer_than_a_batch() throws Exception {
        ConnectionSettings database = databases.empty();
        migrations(database, "4").migrate();
        BulkInvoices.load(database, INVOICES);
        AsOwner owner = new AsOwner(database);
        int paused = pauseTheBackfillAt(owner);
        // The first invoice in key order is backfilled in the first batch; the writers leave it
        // alone, so that its row version tells whether the re-run wrote it again.
        int first = (int) owner.queryLong("SELECT substring(notes FROM 6)::int FROM invoices ORDER BY user_id, id LIMIT 1");
        String firstRow = "SELECT xmin::text::bigint FROM invoices WHERE notes = 'bulk " + first + "'";
        long firstRowsVersion;

        ConcurrentWriters writers = ConcurrentWriters.start(database, 2, INVOICES, n -> n == paused || n == first);
        try (Connection control = database.connect(); Statement statement = control.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + PAUSE_LOCK + ")");
            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> migrations(database, "5").migrate());
            Backends backends = new Backends(database);
            int backfill = backends.awaitWaiting("%CALL backfill_invoice_due_dates%", "advisory");

            long backfilled = owner.queryLong("SELECT count(*) FROM invoices WHERE notes LIKE 'bulk %' AND due_date IS NOT NULL");
            assertThat(backfilled).as("invoices backfilled before the kill").isBetween(10_000L, INVOICES - 10_000L);
            firstRowsVersion = owner.queryLong(firstRow);

            backends.terminate(backfill);
            assertThatThrownBy(migration::get).isInstanceOf(ExecutionException.class);
            statement.execute("SELECT pg_advisory_unlock(" + PAUSE_LOCK + ")");
        }
        owner.execute("DROP TRIGGER pause_backfill ON invoices", "DROP FUNCTION pause_backfill()");
        assertThat(owner.queryLong("SELECT count(*) FROM invoices WHERE notes LIKE 'bulk %' AND due_date IS NOT NULL"))
                .as("batches committed before the kill stay committed").isGreaterThanOrEqualTo(10_000L);

        writers.takeLongestStall();
        long started = System.nanoTime();
        InvoiceMigrations migrations = migrations(database, "5");
        assertThat(migrations.status()).filteredOn(state -> "5".equals(state.version()))
                .extracting(MigrationState::state).containsExactly("Pending");
        migrations.migrate();
        Duration rerun = Duration.ofNanos(System.nanoTime() - started);
        Duration longestStall = writers.takeLongestStall();
        ConcurrentWriters.WriterReport report = writers.stop();

        System.out.printf("Backfill of %d invoices in batches of 10000 with 2 writers: V5 re-run took %d ms,"
                        + " longest write during it %d ms, %d writes in all%n",
                INVOICES, rerun.toMillis(), longestStall.toMillis(), report.operations());
        assertThat(report.failures()).as("failed writes").isEmpty();
        assertThat(owner.queryLong("SELECT count(*) FROM invoices WHERE due_date IS NULL")).isZero();
        assertThat(owner.queryLong("SELECT count(*) FROM invoices WHERE due_date <> issue_date"
                + " + (SELECT payment_terms_days FROM clients c WHERE c.user_id = invoices.user_id AND c.id = client_id)"))
                .as("invoices whose due date is not issue date plus payment terms").isZero();
        assertThat(owner.queryLong(firstRow))
                .as("a row of a batch done before the kill was not written again").isEqualTo(firstRowsVersion);
    }

    /**
     * Makes the backfill wait, when it reaches the invoice at {@link #PAUSE_AT_KEY_POSITION} in key
     * order, for an advisory lock the test holds; returns that invoice's {@link BulkInvoices} number.
     * A test instrument, dropped before the migration runs again.
     */
    private static int pauseTheBackfillAt(AsOwner owner) throws Exception {
        try (Connection connection = owner.database().connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT user_id, id, notes FROM invoices ORDER BY user_id, id OFFSET "
                     + PAUSE_AT_KEY_POSITION + " LIMIT 1")) {
            row.next();
            owner.execute("CREATE FUNCTION pause_backfill() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$ BEGIN PERFORM pg_advisory_xact_lock_shared(" + PAUSE_LOCK + "); RETURN NEW; END $$",
                    "CREATE TRIGGER pause_backfill BEFORE UPDATE ON invoices FOR EACH ROW WHEN (OLD.user_id = '"
                            + row.getString(1) + "' AND OLD.id = '" + row.getString(2) + "') EXECUTE FUNCTION pause_backfill()");
            return Integer.parseInt(row.getString(3).substring("bulk ".length()));
        }
    }

    private static InvoiceMigrations migrations(ConnectionSettings database, String target) {
        return InvoiceMigrations.forDataSource(database.dataSource()).lockTimeout(Duration.ofMinutes(1)).target(target).build();
    }
}
