package io.invoicekit.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What keeps one tenant's rows from another's in the peer, and where that ends, each beside the
 * same attempt under our row-level security: Hibernate filters what it writes the SQL of (HQL,
 * find) and nothing else; a native query that forgets the tenant reads and writes every tenant's
 * rows, where the database gives ours only the tenant's own.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerTenantGuaranteesTest {

    private final PeerFixture fixture;
    private final UUID tenant;
    private final UUID other;

    PeerTenantGuaranteesTest(MigratedDatabase database) {
        fixture = PeerFixture.load(database);
        tenant = fixture.tenant(1);
        other = fixture.tenant(2);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void hql_reads_only_the_sessions_tenant() {
        long peer = fixture.peer.inTenant(tenant, session -> session.createSelectionQuery(
                "select count(*) from Invoice", Long.class).getSingleResult());

        assertThat(peer).isEqualTo(invoicesOf(tenant)).isLessThan(allInvoices());
    }

    @Test
    void native_sql_that_forgets_the_tenant_reads_every_tenants_rows() {
        long peer = fixture.peer.inTenant(tenant, session -> session.createNativeQuery(
                "select count(*) from peer.invoices", Long.class).getSingleResult());

        assertThat(peer).isEqualTo(allInvoices()).isGreaterThan(invoicesOf(tenant));
    }

    @Test
    void the_same_sql_under_our_row_level_security_reads_only_the_tenants_rows() {
        long ours = fixture.store.inTenant(PeerFixture.ours(tenant),
                tx -> tx.dsl().fetchSingle("select count(*) from invoices").get(0, Long.class));

        assertThat(ours).isEqualTo(invoicesOf(tenant));
    }

    @Test
    void native_sql_naming_another_tenant_changes_its_rows_where_ours_changes_none() {
        String touch = "update %s set name = name where user_id = cast(:other as uuid)";

        int peer = fixture.peer.inTenant(tenant, session -> session.createNativeMutationQuery(
                touch.formatted("peer.clients")).setParameter("other", other.toString()).executeUpdate());
        int ours = fixture.store.inTenant(PeerFixture.ours(tenant), tx -> tx.dsl().execute(
                touch.formatted("clients").replace(":other", "?"), other.toString()));

        assertThat(peer).isEqualTo(clientsOf(other)).isPositive();
        assertThat(ours).isZero();
    }

    @Test
    void another_tenants_invoice_is_not_found_by_its_key_nor_by_its_id_under_ours() {
        UUID theirs = fixture.ids("select id from peer.invoices where user_id = ? limit 1", other).getFirst();

        // The key names the other tenant; the tenant filter the find adds names this one.
        Invoice byTheirKey = fixture.peer.inTenant(tenant, session -> session.find(Invoice.class,
                new TenantScopedId(other, theirs)));
        Invoice byOurKey = fixture.peer.inTenant(tenant, session -> session.find(Invoice.class,
                new TenantScopedId(tenant, theirs)));

        assertThat(byTheirKey).isNull();
        assertThat(byOurKey).isNull();
        UUID byItsTenant = fixture.peer.inTenant(other, session -> session.find(Invoice.class,
                new TenantScopedId(other, theirs)).id());
        assertThat(byItsTenant).isEqualTo(theirs);
    }

    @Test
    void without_a_tenant_the_peer_opens_no_session() {
        assertThatThrownBy(() -> new CallTenant().resolveCurrentTenantIdentifier())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_peers_login_reads_no_table_outside_its_schema() throws SQLException {
        try (Connection login = fixture.peerLogin.connect(); Statement statement = login.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from public.invoices"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    private long allInvoices() {
        return (Long) fixture.query("select count(*) from peer.invoices").getFirst()[0];
    }

    private long invoicesOf(UUID owner) {
        return (Long) fixture.query("select count(*) from peer.invoices where user_id = ?", owner).getFirst()[0];
    }

    private long clientsOf(UUID owner) {
        return (Long) fixture.query("select count(*) from peer.clients where user_id = ?", owner).getFirst()[0];
    }
}
