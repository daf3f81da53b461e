package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration that stops part way, because its connection was killed or because an earlier
 * attempt left an INVALID index or a NOT VALID constraint behind, finishes when run again: the
 * operator's steps are repair (for a script that runs outside a transaction, Flyway records the
 * failure), then migrate.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class InterruptedMigrationTest {


    private final ScratchDatabases databases;

    InterruptedMigrationTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    /** How the migration's statement is stopped. */
    enum Stop {
        /** Its connection is killed (pg_terminate_backend, a crash): Flyway cannot record anything. */
        TERMINATED,
        /** The statement fails (pg_cancel_backend, a lock or statement timeout): Flyway records a failed run. */
        CANCELLED
    }

    /**
     * @param version   the migration to interrupt
     * @param statement what it is running when stopped (SQL LIKE on pg_stat_activity.query, which
     *                  starts with the comments before the statement)
     * @param waitEvent the lock it waits for then, held by an open transaction of the test
     * @param stop      how it is stopped
     */
    record Interruption(int version, String statement, String waitEvent, Stop stop) {
        @Override
        public String toString() {
            return "V" + version + " " + stop.name().toLowerCase(java.util.Locale.ROOT) + " in " + statement;
        }
    }

    static Stream<Interruption> interruptions() {
        return Stream.of(Stop.values()).flatMap(stop -> Stream.of(
                new Interruption(2, "%CREATE INDEX CONCURRENTLY%invoices_user_status_idx%", "virtualxid", stop),
                new Interruption(3, "%ALTER TABLE invoices%invoices_status_valid%", "relation", stop),
                new Interruption(5, "%ALTER TABLE invoices%ADD COLUMN IF NOT EXISTS due_date%", "relation", stop)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interruptions")
    void a_migration_stopped_part_way_finishes_when_run_again(Interruption interruption) throws Exception {
        ConnectionSettings database = databases.empty();
        migrations(database, interruption.version() - 1).migrate();
        SampleData.load(database, interruption.version() - 1);
        // V11 drops the counters once their counts are in the default series (UpgradePathTest compares them).
        TableContents.Columns columns = TableContents.Columns.of(database).without("invoices", "updated_at")
                .withoutTable("invoice_number_counters");
        TableContents before = TableContents.read(database, columns);
        String version = String.valueOf(interruption.version());

        try (OpenTransaction writer = OpenTransaction.begin(database,
                "UPDATE invoices SET notes = notes WHERE invoice_number = 'INV-000001'")) {
            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> migrations(database).build().migrate());
            Backends backends = new Backends(database);
            int pid = backends.awaitWaiting(interruption.statement(), interruption.waitEvent());
            if (interruption.stop() == Stop.TERMINATED) {
                backends.terminate(pid);
            } else {
                backends.cancel(pid);
            }
            assertThatThrownBy(migration::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(FlywayException.class);
        }

        InvoiceMigrations migrations = migrations(database).build();
        if (interruption.stop() == Stop.CANCELLED) {
            assertThat(migrations.status()).filteredOn(MigrationState::failed)
                    .extracting(MigrationState::version).containsExactly(version);
            assertThatThrownBy(migrations::migrate).as("migrate refuses until the failure is repaired")
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("failed migration to version " + version);
            assertThat(migrations.repair()).containsExactly(version);
        } else {
            assertThat(migrations.status()).filteredOn(state -> version.equals(state.version()))
                    .extracting(MigrationState::state).containsExactly("Pending");
        }
        migrations.migrate();

        assertThat(CatalogSnapshot.of(database).diff(freshInstall())).as("differences from a fresh install").isEmpty();
        assertThat(TableContents.read(database, columns)).isEqualTo(before);
    }

    /**
     * @param version  the migration that meets the leftover
     * @param leftover SQL leaving behind what an interrupted earlier attempt of that migration would
     * @param mark     how the catalog shows the leftover
     */
    record Leftover(int version, String leftover, String mark) {
        @Override
        public String toString() {
            return "V" + version + " meets an object" + mark;
        }
    }

    static Stream<Leftover> leftovers() {
        return Stream.of(
                // Unique over duplicates: the build fails after the index was created, so it stays INVALID.
                new Leftover(2, "CREATE UNIQUE INDEX CONCURRENTLY invoices_user_status_idx ON invoices (user_id, status)",
                        " (INVALID)"),
                new Leftover(3, "ALTER TABLE invoices ADD CONSTRAINT invoices_status_valid CHECK (status <> '') NOT VALID",
                        " (NOT VALID)"),
                new Leftover(5, "ALTER TABLE invoices ADD COLUMN due_date date, ADD CONSTRAINT invoices_due_date_required"
                        + " CHECK (due_date IS NOT NULL) NOT VALID", " (NOT VALID)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftovers")
    void a_leftover_of_an_interrupted_attempt_is_rebuilt_by_the_migration(Leftover leftover) {
        ConnectionSettings database = databases.empty();
        migrations(database, leftover.version() - 1).migrate();
        SampleData.load(database, leftover.version() - 1);
        try {
            new AsOwner(database).execute(leftover.leftover());
        } catch (IllegalStateException expected) {
            // The unique index build fails on the duplicates, as intended; what it leaves is checked below.
        }
        assertThat(CatalogSnapshot.of(database).objects().values()).anyMatch(definition -> definition.endsWith(leftover.mark()));

        migrations(database).build().migrate();

        assertThat(CatalogSnapshot.of(database).diff(freshInstall())).as("differences from a fresh install").isEmpty();
    }

    private CatalogSnapshot freshInstall() {
        return CatalogSnapshot.of(databases.migrated().owner());
    }

    private static InvoiceMigrations migrations(ConnectionSettings database, int target) {
        return migrations(database).target(String.valueOf(target)).build();
    }

    /**
     * Up to the latest version, with a lock timeout long enough that the migration waits for the
     * test's lock until the test kills it.
     */
    private static InvoiceMigrations.Builder migrations(ConnectionSettings database) {
        return InvoiceMigrations.forDataSource(database.dataSource()).lockTimeout(Duration.ofMinutes(1));
    }
}
