package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each reversible migration's undo script (db/undo) takes the schema back to exactly the previous
 * version's, and the migration can then be applied again. V1 (the baseline), V8, V9, V11, V12 and
 * V13 have none, as their headers say: V11's invoices issued in a series, numbers given at issue
 * and snapshots have no place in V10's schema (which numbers every draft as it is stored), nor
 * V12's credit notes and refunds (documents and money) in V11's, so going back is restoring the
 * backup; V13's audit trail is a record kept for the retention period, never dropped.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class UndoScriptsTest {

    private final ScratchDatabases databases;

    UndoScriptsTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    @ParameterizedTest(name = "undo of V{0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 10, 14})
    void undo_returns_to_the_schema_of_the_previous_version_and_the_migration_applies_again(int version) {
        ConnectionSettings database = databases.empty();
        migrateTo(database, version - 1);
        SampleData.load(database, version - 1);
        CatalogSnapshot previous = CatalogSnapshot.of(database);
        migrateTo(database, version);
        CatalogSnapshot applied = CatalogSnapshot.of(database);

        migrations(database).undo(String.valueOf(version));

        assertThat(CatalogSnapshot.of(database).diff(previous)).as("differences from V" + (version - 1)).isEmpty();
        assertThat(migrations(database).status())
                .filteredOn(state -> String.valueOf(version).equals(state.version()))
                .extracting(MigrationState::state)
                .containsExactly("Pending");

        migrateTo(database, version);
        assertThat(CatalogSnapshot.of(database).diff(applied)).as("differences from V" + version + " applied again")
                .isEmpty();
    }

    @Test
    void undo_of_a_migration_that_is_not_the_latest_is_refused() {
        ConnectionSettings database = databases.empty();
        migrations(database).migrate();
        String latest = migrations(database).status().stream()
                .filter(MigrationState::applied).map(MigrationState::version).reduce((first, second) -> second)
                .orElseThrow();

        assertThat(latest).isNotEqualTo("6");
        assertThatThrownBy(() -> migrations(database).undo("6"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latest applied migration is " + latest);
    }

    @ParameterizedTest(name = "V{0}__{1}")
    @CsvSource({"11, numbering_at_issue", "12, credit_notes", "13, audit_trail"})
    void a_migration_of_documents_or_their_record_has_no_undo_and_stays_applied(int version, String description) {
        ConnectionSettings database = databases.empty();
        migrateTo(database, version);
        CatalogSnapshot before = CatalogSnapshot.of(database);

        assertThatThrownBy(() -> migrations(database).undo(String.valueOf(version)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no undo script db/undo/U" + version + "__" + description + ".sql");
        assertThat(CatalogSnapshot.of(database).diff(before)).isEmpty();
        assertThat(migrations(database).status())
                .filteredOn(state -> String.valueOf(version).equals(state.version()))
                .extracting(MigrationState::state)
                .containsExactly("Success");
    }

    @Test
    void the_baseline_has_no_undo() {
        ConnectionSettings database = databases.empty();
        migrateTo(database, 1);

        assertThatThrownBy(() -> migrations(database).undo("1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no undo script db/undo/U1__baseline.sql");
    }

    @Test
    void undo_of_payments_is_refused_while_payments_exist_and_changes_nothing() throws SQLException {
        ConnectionSettings database = databases.empty();
        migrateTo(database, 5);
        SampleData.load(database, 5);
        CatalogSnapshot before = CatalogSnapshot.of(database);

        assertThatThrownBy(() -> migrations(database).undo("5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("undo of V5 refused: payments holds");
        assertThat(CatalogSnapshot.of(database).diff(before)).isEmpty();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT count(*) FROM payments")).satisfies(result -> {
                result.next();
                assertThat(result.getInt(1)).isPositive();
            });
        }
    }

    private static void migrateTo(ConnectionSettings database, int version) {
        InvoiceMigrations.forDataSource(database.dataSource()).target(String.valueOf(version)).build().migrate();
    }

    private static InvoiceMigrations migrations(ConnectionSettings database) {
        return InvoiceMigrations.forDataSource(database.dataSource()).build();
    }
}
