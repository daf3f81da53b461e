package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.invoicekit.testing.DatabaseSnapshot;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation suite: {@link IsolationProbe} as the application role on the migrated schema, with
 * a committed tenant beside its own, must block every attack and leave every row and sequence as it
 * found them. Prints the report when done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
class TenantIsolationTest {

    private final DatabaseSnapshot before;
    private final IsolationReport report;
    private final DatabaseSnapshot after;

    TenantIsolationTest(MigratedDatabase database) throws SQLException {
        IsolationProbe probe = IsolationProbe.builder(database.applicationDataSource())
                .tenantKey(ServiceKey.of(database))
                .retiredTenantKey(ServiceKey.retired(database))
                .committedTenant(CommittedTenant.create(database))
                .build();
        this.before = DatabaseSnapshot.of(database.ownerDataSource());
        this.report = probe.run();
        this.after = DatabaseSnapshot.of(database.ownerDataSource());
    }

    @TestFactory
    Stream<DynamicTest> every_attack_on_another_tenant_is_blocked() {
        return report.rows().stream().map(row -> dynamicTest(row.attack() + " | " + row.table(),
                () -> assertThat(row.asExpected()).as(row.toString()).isTrue()));
    }

    @Test
    void it_probes_every_tenant_table_of_the_schema() {
        assertThat(report.tables()).contains("users", "clients", "invoices", "line_items", "payments",
                "credit_notes", "credit_note_lines", "refunds", "audit_events", "invoice_series", "services",
                "client_search_trigrams");
    }

    @Test
    void it_leaves_every_row_and_sequence_as_it_found_them() {
        assertThat(before.rows()).isNotEmpty();
        assertThat(after).isEqualTo(before);
    }

    @AfterAll
    void print_the_report() {
        System.out.println(report.table());
    }
}
