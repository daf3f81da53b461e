package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's two ways of migrating, run as written on empty databases. */
@ExtendWith(ScratchDatabaseExtension.class)
class ReadmeMigrationExamplesTest {

    private final ScratchDatabases databases;

    ReadmeMigrationExamplesTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    @Test
    void migrating_from_a_service() {
        DataSource ownerDataSource = databases.empty().dataSource();

        // --- from the README, "Migrating from a service" ---
        InvoiceMigrations.forDataSource(ownerDataSource)   // the schema owner, not the application role
                .applicationRole("invoice_app")            // NOLOGIN role the service's login is a member of
                .build()
                .migrate();
        // --- end of the README ---

        assertThat(InvoiceMigrations.forDataSource(ownerDataSource).build().validate().valid()).isTrue();
    }

    @Test
    void migrating_in_a_deployment() {
        DataSource owner = databases.empty().dataSource();

        // --- from the README, "Deploying a migration", step 3 ---
        InvoiceMigrations.forDataSource(owner).applicationRole("invoice_app")
                .lockTimeout(Duration.ofSeconds(5)).statementTimeout(Duration.ofHours(1))
                .build().migrate();                  // .target("5") deploys one step at a time
        // --- end of the README ---

        assertThat(InvoiceMigrations.forDataSource(owner).build().validate().valid()).isTrue();
    }
}
