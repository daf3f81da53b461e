package io.invoicekit.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.Page;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each read of the peer returns the rows our repository returns for the same call, in the same
 * order, on the same data: the peer's tables are copies of ours taken right after the load.
 * Tenants by size rank: 1 the largest (683 invoices at the smoke scale), 10 the smallest.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernatePeerReadsTest {

    private final PeerFixture fixture;

    HibernatePeerReadsTest(MigratedDatabase database) {
        fixture = PeerFixture.load(database);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void the_lines_of_an_invoice_are_ours_in_position_order() {
        UUID tenant = fixture.tenant(1);
        List<UUID> invoices = fixture.ids("""
                (select invoice_id from line_items where user_id = ? group by invoice_id order by count(*) desc limit 1)
                union all
                (select id from invoices where user_id = ? order by md5(id::text) limit 20)""", tenant, tenant);

        for (UUID invoice : invoices) {
            List<Rows.Line> ours = fixture.store.inTenant(PeerFixture.ours(tenant),
                    tx -> tx.invoices().lineItems(InvoiceId.of(invoice))).stream().map(Rows::of).toList();

            assertThat(fixture.peer.lineItems(tenant, invoice)).map(Rows::of).isEqualTo(ours);
        }
        assertThat(fixture.peer.lineItems(tenant, invoices.getFirst())).hasSizeGreaterThan(5);
    }

    @ParameterizedTest(name = "\"{0}\", tenant of rank {1}")
    @CsvSource({
            DataSetPlan.CLIENT_SEARCH_FRAGMENT + ", 1", DataSetPlan.CLIENT_SEARCH_FRAGMENT + ", 2", "KAFO, 1",
            "example.com, 1", "%, 1", "_, 1", "nothing like it, 1"})
    void a_client_search_finds_our_clients_in_our_order(String text, int rank) {
        UUID tenant = fixture.tenant(rank);
        List<Rows.Client> ours = fixture.store.inTenant(PeerFixture.ours(tenant), tx -> tx.clients().search(text, 20))
                .stream().map(Rows::of).toList();

        assertThat(fixture.peer.searchClients(tenant, text, 20)).map(Rows::of).isEqualTo(ours);
    }

    @Test
    void the_search_for_the_benchmarks_fragment_finds_clients_at_all() {
        assertThat(fixture.peer.searchClients(fixture.tenant(1), DataSetPlan.CLIENT_SEARCH_FRAGMENT, 20)).isNotEmpty();
    }

    @ParameterizedTest(name = "tenant of rank {0}, {1} at most")
    @CsvSource({"1, 1000", "1, 50", "10, 1000"})
    void the_newest_invoices_are_ours_with_their_lines(int rank, int limit) {
        UUID tenant = fixture.tenant(rank);
        Page<Invoice> ours = fixture.store.inTenant(PeerFixture.ours(tenant), tx -> tx.invoices().list(InvoiceFilter.all(),
                limit));

        Page<io.invoicekit.benchmarks.peer.Invoice> peer = fixture.peer.invoices(tenant, limit);

        assertThat(peer.items()).isNotEmpty().map(Rows::of).isEqualTo(ours.items().stream().map(Rows::of).toList());
        assertThat(peer.hasMore()).isEqualTo(ours.hasMore());
    }

    @ParameterizedTest(name = "tenant of rank {0}, {1} at most")
    @CsvSource({"1, 1000", "1, 10", "2, 1000"})
    void the_overdue_invoices_are_ours_with_their_lines(int rank, int limit) {
        UUID tenant = fixture.tenant(rank);
        Page<Invoice> ours = fixture.store.inTenant(PeerFixture.ours(tenant),
                tx -> tx.invoices().list(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), limit));

        Page<io.invoicekit.benchmarks.peer.Invoice> peer = fixture.peer.overdueInvoices(tenant, limit);

        assertThat(peer.items()).isNotEmpty().map(Rows::of).isEqualTo(ours.items().stream().map(Rows::of).toList());
        assertThat(peer.hasMore()).isEqualTo(ours.hasMore());
    }

    @ParameterizedTest(name = "tenant of rank {0}, {1} at most")
    @CsvSource({"1, 1000", "1, 50", "10, 1000"})
    void the_summaries_are_our_invoices_with_their_clients_names(int rank, int limit) {
        UUID tenant = fixture.tenant(rank);
        List<Rows.Summary> ours = oursSummarised(tenant, InvoiceFilter.all(), limit);

        Page<InvoiceSummary> peer = fixture.peer.summaries(tenant, limit);

        assertThat(peer.items()).isNotEmpty().map(Rows::of).isEqualTo(ours);
    }

    @ParameterizedTest(name = "tenant of rank {0}, {1} at most")
    @CsvSource({"1, 1000", "1, 10", "2, 1000"})
    void the_overdue_summaries_are_our_overdue_invoices(int rank, int limit) {
        UUID tenant = fixture.tenant(rank);
        List<Rows.Summary> ours = oursSummarised(tenant, InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), limit);

        Page<InvoiceSummary> peer = fixture.peer.overdueSummaries(tenant, limit);

        assertThat(peer.items()).isNotEmpty().map(Rows::of).isEqualTo(ours);
    }

    /** Our list, each invoice with its client's name as our client repository has it. */
    private List<Rows.Summary> oursSummarised(UUID tenant, InvoiceFilter filter, int limit) {
        return fixture.store.inTenant(PeerFixture.ours(tenant), tx -> {
            Map<ClientId, String> names = new HashMap<>();
            return tx.invoices().list(filter, limit).items().stream()
                    .map(invoice -> Rows.of(invoice, names.computeIfAbsent(invoice.clientId(),
                            client -> tx.clients().find(client).orElseThrow().name())))
                    .toList();
        });
    }
}
