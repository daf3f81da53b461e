package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A probe without the service's key, on a database that requires signed tokens, can give its
 * tenants none: its report must not pass, or it would prove isolation by attacking nothing.
 */
@ExtendWith(TestDatabaseExtension.class)
class UnsignedProbeTest {

    @Test
    void without_the_services_key_the_probe_does_not_pass_on_a_signed_database(MigratedDatabase database) {
        IsolationReport report = IsolationProbe.builder(database.applicationDataSource()).build().run();

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).extracting(IsolationReport.Row::attack).contains("control: read my own rows");
    }
}
