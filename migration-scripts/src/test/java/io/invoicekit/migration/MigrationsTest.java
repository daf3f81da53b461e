package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class MigrationsTest {

    private final InvoiceMigrations migrations;

    MigrationsTest(MigratedDatabase database) {
        this.migrations = InvoiceMigrations.forDataSource(database.ownerDataSource()).build();
    }

    @Test
    void migrating_an_up_to_date_database_applies_nothing() {
        assertThat(migrations.migrate()).isEmpty();
    }

    @Test
    void validate_reports_a_freshly_migrated_database_clean() {
        ValidationReport report = migrations.validate();
        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void status_lists_every_migration_as_applied() {
        assertThat(migrations.status())
                .isNotEmpty()
                .allSatisfy(state -> assertThat(state.applied()).as(state.version()).isTrue());
    }
}
