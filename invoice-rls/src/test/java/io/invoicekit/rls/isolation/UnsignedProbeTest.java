package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A probe whose tenants the database would not take (a signed database, no key or a key it does
 * not have) is refused when built: its attacks would all be blocked for want of a tenant, a pass
 * that proves nothing.
 */
@ExtendWith(TestDatabaseExtension.class)
class UnsignedProbeTest {

    @Test
    void without_the_services_key_a_signed_database_refuses_the_probe(MigratedDatabase database) {
        assertThatThrownBy(() -> IsolationProbe.builder(database.applicationDataSource()).build())
                .isInstanceOf(TenantsRefusedException.class)
                .hasMessageStartingWith("without the service's tenant key the probe can seed no tenant: "
                        + "this database requires a signed tenant token");
    }

    @Test
    void with_a_key_the_database_does_not_have_the_probe_is_refused(MigratedDatabase database) {
        TenantKey unknown = TenantKey.parse("not-installed:" + "cd".repeat(32));

        assertThatThrownBy(() -> IsolationProbe.builder(database.applicationDataSource()).tenantKey(unknown).build())
                .isInstanceOf(TenantsRefusedException.class)
                .hasMessage("the database takes no tenant signed with key not-installed: the tenant token is signed "
                        + "with key not-installed, which this database does not have");
    }
}
