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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each reversible migration's undo script (db/undo) takes the schema back to exactly the previous
 * version's, and the migration can then be applied again; a migration without one refuses to be
 * undone and stays applied. Which versions have an undo script is read from the scripts
 * ({@link MigrationScripts}); why the others have none is stated in
 * migrations-without-undo.properties, and {@link MigrationScriptsTest} fails for a migration with
 * neither.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class UndoScriptsTest {

    private final ScratchDatabases databases;

    UndoScriptsTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    static List<Integer> versionsWithUndo() {
        return MigrationScripts.versionsWithUndo();
    }

    static List<Integer> versionsWithoutUndo() {
        return MigrationScripts.versionsWithoutUndo();
    }

    @ParameterizedTest(name = "undo of V{0}")
    @MethodSource("versionsWithUndo")
    void undo_returns_to_the_schema_of_the_previous_version_and_the_migration_applies_again(int version) {
        int previousVersion = MigrationScripts.previous(version);
        ConnectionSettings database = databases.empty();
        migrateTo(database, previousVersion);
        SampleData.load(database, previousVersion);
        CatalogSnapshot previous = CatalogSnapshot.of(database);
        migrateTo(database, version);
        CatalogSnapshot applied = CatalogSnapshot.of(database);

        migrations(database).undo(String.valueOf(version));

        assertThat(CatalogSnapshot.of(database).diff(previous)).as("differences from V" + previousVersion).isEmpty();
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

    /** The baseline, the guards (V8, V9), documents (V11, V12) and their record (V13), and whatever comes. */
    @ParameterizedTest(name = "V{0}")
    @MethodSource("versionsWithoutUndo")
    void a_migration_without_an_undo_script_refuses_to_be_undone_and_stays_applied(int version) {
        String script = MigrationScripts.migrations().get(version).name();
        ConnectionSettings database = databases.empty();
        migrateTo(database, version);
        CatalogSnapshot before = CatalogSnapshot.of(database);

        assertThatThrownBy(() -> migrations(database).undo(String.valueOf(version)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no undo script db/undo/U" + script.substring(1));
        assertThat(CatalogSnapshot.of(database).diff(before)).isEmpty();
        assertThat(migrations(database).status())
                .filteredOn(state -> String.valueOf(version).equals(state.version()))
                .extracting(MigrationState::state)
                .containsExactly("Success");
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
