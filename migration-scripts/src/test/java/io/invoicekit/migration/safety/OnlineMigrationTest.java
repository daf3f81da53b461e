package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migrations run on a live database: while they build indexes, validate constraints and
 * backfill due dates on tables holding data, the release before keeps inserting and updating
 * invoices, and no write fails. The longest write of each step is printed (a measurement, not an
 * assertion: timings belong to benchmarks).
 */
@ExtendWith(ScratchDatabaseExtension.class)
class OnlineMigrationTest {

    private static final int INVOICES = 50_000;
    private static final int WRITERS = 2;

    private final ScratchDatabases databases;

    OnlineMigrationTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    @Test
    void writers_keep_writing_while_every_migration_runs_on_a_loaded_database() throws InterruptedException {
        ConnectionSettings database = databases.empty();
        InvoiceMigrations.forDataSource(database.dataSource()).target("1").build().migrate();
        BulkInvoices.load(database, INVOICES);

        Map<String, Duration> longestStalls = new LinkedHashMap<>();
        Map<String, Long> writesDuring = new LinkedHashMap<>();
        ConcurrentWriters writers = ConcurrentWriters.start(database, WRITERS, INVOICES, n -> false);
        List<String> versions = InvoiceMigrations.forDataSource(database.dataSource()).build().status().stream()
                .filter(state -> "Pending".equals(state.state())).map(MigrationState::version).toList();
        for (String version : versions) {
            writers.takeLongestStall();
            long writesBefore = writers.operations();
            InvoiceMigrations.forDataSource(database.dataSource()).target(version).build().migrate();
            longestStalls.put("V" + version, writers.takeLongestStall());
            writesDuring.put("V" + version, writers.operations() - writesBefore);
        }
        ConcurrentWriters.WriterReport report = writers.stop();

        System.out.printf("Online migration of %d invoices with %d writers: %d writes, no failure expected (%d)%n",
                INVOICES, WRITERS, report.operations(), report.failures().size());
        longestStalls.forEach((version, stall) -> System.out.printf("  %s: %5d writes, longest write %4d ms%n",
                version, writesDuring.get(version), stall.toMillis()));
        assertThat(report.failures()).as("failed writes").isEmpty();
        assertThat(writesDuring.get("V2") + writesDuring.get("V3") + writesDuring.get("V5"))
                .as("writes while the index, constraint and backfill migrations ran").isPositive();
        assertThat(new AsOwner(database).queryLong("SELECT count(*) FROM invoices WHERE due_date IS NULL")).isZero();
        assertThat(new AsOwner(database).queryLong("SELECT count(*) FROM invoices WHERE notes = 'writer'"))
                .as("invoices the writers inserted").isEqualTo(report.inserted());
        assertThat(CatalogSnapshot.of(database).diff(CatalogSnapshot.of(databases.migrated().owner())))
                .as("differences from a fresh install (INVALID indexes, NOT VALID constraints included)").isEmpty();
    }
}
