package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation suite: every attack of {@link IsolationProbe}, as the application role, on the
 * migrated schema, must be blocked. Point it at any database with
 * {@code -Dinvoice.test.db=jdbc:postgresql://...}: it creates two tenants of its own and removes
 * them afterwards. Prints the report table when done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
class TenantIsolationTest {

    private final TwoTenants tenants;
    private final IsolationProbe probe;
    private final IsolationReport report = new IsolationReport();

    TenantIsolationTest(MigratedDatabase database) {
        this.tenants = TwoTenants.create(database);
        this.probe = new IsolationProbe(database, tenants);
    }

    @TestFactory
    Stream<DynamicTest> every_attack_on_another_tenant_is_blocked() {
        return probe.probes().stream().map(attack -> dynamicTest(attack.attack() + " | " + attack.target(), () -> {
            Observation observation = probe.run(attack);
            report.add(observation);
            assertThat(observation.asExpected()).as(tenants.describe(observation.toString())).isTrue();
        }));
    }

    @AfterAll
    void print_the_report_and_remove_the_tenants() {
        System.out.println(report.table(tenants::describe));
        tenants.close();
    }
}
