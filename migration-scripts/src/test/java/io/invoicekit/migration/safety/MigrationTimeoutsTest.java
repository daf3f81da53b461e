package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration that needs a lock held by a long transaction gives up (lock_timeout, or
 * statement_timeout as the last bound) instead of waiting, and so instead of queueing every
 * query behind its lock request. Once the lock is free, repair and migrate finish it.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class MigrationTimeoutsTest {

    private final ScratchDatabases databases;

    MigrationTimeoutsTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    /**
     * @param lockTimeout      the migration's lock timeout
     * @param statementTimeout the migration's statement timeout
     * @param error            what the failure says
     */
    record Timeouts(String name, Duration lockTimeout, Duration statementTimeout, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Timeouts> timeouts() {
        return Stream.of(
                new Timeouts("lock timeout", Duration.ofMillis(200), Duration.ofHours(1), "canceling statement due to lock timeout"),
                new Timeouts("statement timeout", Duration.ofHours(1), Duration.ofMillis(200),
                        "canceling statement due to statement timeout"));
    }

    // A safety net, not a measurement: without the timeouts the migration would wait for ever.
    @Timeout(120)
    @ParameterizedTest(name = "{0}")
    @MethodSource("timeouts")
    void a_migration_blocked_by_a_long_transaction_fails_instead_of_waiting(Timeouts timeouts) throws SQLException {
        ConnectionSettings database = databases.empty();
        InvoiceMigrations.forDataSource(database.dataSource()).target("6").build().migrate();
        InvoiceMigrations migrations = InvoiceMigrations.forDataSource(database.dataSource())
                .lockTimeout(timeouts.lockTimeout())
                .statementTimeout(timeouts.statementTimeout())
                .build();

        try (OpenTransaction report = OpenTransaction.begin(database, "SELECT count(*) FROM invoices")) {
            assertThatThrownBy(migrations::migrate).hasStackTraceContaining(timeouts.error());
        }

        // V7 runs outside a transaction: the tables isolated before the blocked one stay so, the
        // role has been granted nothing yet (fail closed), and Flyway recorded the failure.
        assertThat(migrations.status()).filteredOn(state -> "7".equals(state.version()))
                .extracting(MigrationState::state).containsExactly("Failed");
        AsOwner owner = new AsOwner(database);
        assertThat(owner.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'invoices' AND relrowsecurity")).isZero();
        assertThat(owner.queryLong("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND has_table_privilege('invoice_app', oid, 'SELECT')")).isZero();

        assertThat(migrations.repair()).containsExactly("7");
        assertThat(migrations.migrate()).first().isEqualTo("7");
        assertThat(migrations.status()).noneMatch(state -> "Pending".equals(state.state()));
    }
}
