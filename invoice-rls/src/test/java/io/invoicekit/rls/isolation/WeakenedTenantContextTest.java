package io.invoicekit.rls.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.invoicekit.testing.DatabaseProvider;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The signed tenant context weakened one way at a time, each on a database of its own: the probe
 * must report the attacks that then succeed. Without this, the signed attacks of {@link
 * TenantIsolationTest} could pass because they test nothing.
 */
@DisabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "jdbc:.*",
        disabledReason = "weakens the schema: only on a database server of its own, not on one given by URL")
class WeakenedTenantContextTest {

    /**
     * @param sql       run as the owner; %1$s is the application role
     * @param findings  attack | target of the findings the probe must report
     */
    private record Weakening(String description, String sql, List<String> findings) {
    }

    private static final String UNSIGNED = "B's id unsigned in app.user_id, no token: read B's rows | ";

    private static final List<Weakening> WEAKENINGS = List.of(
            new Weakening("a policy that reads the unsigned setting",
                    "alter policy services_select on services"
                            + " using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)",
                    List.of(UNSIGNED + "services", "A's token, and B's id unsigned in app.user_id: read B's rows | services")),
            new Weakening("compatibility mode", "call public.allow_unsigned_tenants()",
                    List.of(UNSIGNED + "clients", UNSIGNED + "invoices", UNSIGNED + "payments",
                            "B's id unsigned in app.user_id, no token: insert a client of B's | clients")),
            new Weakening("current_tenant_id() as before V15: app.user_id, no token",
                    "create or replace function public.current_tenant_id() returns uuid language sql stable"
                            + " as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$",
                    List.of(UNSIGNED + "line_items", UNSIGNED + "clients",
                            "set_config of B's id in a CTE, mid-statement: read B's rows | credit_notes")),
            new Weakening("tokens checked without their signature",
                    "create or replace function public.current_tenant_id() returns uuid language sql stable"
                            + " as $$ select split_part(nullif(current_setting('app.tenant_token', true), ''), '.', 3)"
                            + "::uuid $$",
                    List.of("A's token relabelled as B: read B's rows | invoices",
                            "a token for B under a key id the database does not have: read B's rows | clients")),
            new Weakening("retired keys still accepted",
                    "update public.tenant_keys set retired_at = null",
                    List.of("a token for B signed with a retired key: read B's rows | clients")),
            new Weakening("the keys readable by the application role", "grant select on public.tenant_keys to %1$s",
                    List.of("read the tenant keys | tenant_keys")));

    @TestFactory
    Stream<DynamicTest> the_probe_reports_each_weakening_of_the_tenant_context() {
        DatabaseProvider databases = TestDatabase.shared();
        return WEAKENINGS.stream().map(weakening -> dynamicTest(weakening.description(), () -> {
            MigratedDatabase database = databases.newDatabase();
            try {
                IsolationProbe probe = IsolationProbe.builder(database.applicationDataSource())
                        .tenantKey(ServiceKey.of(database)).retiredTenantKey(ServiceKey.retired(database)).build();
                weaken(database, weakening);
                assertThat(probe.run().findings()).extracting(row -> row.attack() + " | " + row.table())
                        .containsAll(weakening.findings());
            } finally {
                databases.release(database);
            }
        }));
    }

    private static void weaken(MigratedDatabase database, Weakening weakening) throws SQLException {
        try (Session owner = Session.open(database.ownerDataSource(), ServiceKey.OWNER)) {
            owner.rows(weakening.sql().formatted(database.applicationRole()));
            owner.commit();
        }
    }
}
