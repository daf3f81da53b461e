package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.ValidationReport;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A script that was edited after it ran is caught: validate reports it, and repair refuses to
 * bless it. (The recorded checksum is changed instead of the script: the effect is the same.)
 */
@ExtendWith(ScratchDatabaseExtension.class)
class EditedMigrationTest {

    private final ConnectionSettings database;
    private final InvoiceMigrations migrations;

    EditedMigrationTest(ScratchDatabases databases) {
        this.database = databases.migrated().owner();
        this.migrations = InvoiceMigrations.forDataSource(database.dataSource()).build();
        new AsOwner(database).execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
    }

    @Test
    void validate_reports_an_applied_script_that_was_edited() {
        ValidationReport report = migrations.validate();

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().asString()
                .startsWith("3 integrity constraints")
                .contains("checksum mismatch");
    }

    @Test
    void repair_refuses_to_accept_an_edited_script_and_changes_nothing() {
        long checksum = new AsOwner(database).queryLong("SELECT checksum FROM flyway_schema_history WHERE version = '3'");

        assertThatThrownBy(migrations::repair).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("repair refused")
                .hasMessageContaining("3 integrity constraints");
        assertThat(new AsOwner(database).queryLong("SELECT checksum FROM flyway_schema_history WHERE version = '3'"))
                .isEqualTo(checksum);
    }
}
