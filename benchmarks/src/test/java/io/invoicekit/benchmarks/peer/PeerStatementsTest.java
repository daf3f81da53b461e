package io.invoicekit.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What each peer operation sends, counted at the JDBC level ({@link JdbcCounter}): the statements
 * and round trips the benchmarks measure it by, commit included. A mapping or query that started
 * loading lines or clients one invoice at a time (n+1), or flushing an insert and then an update,
 * fails here. On the largest tenant (683 invoices), so that a statement per row would show.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerStatementsTest {

    private final PeerFixture fixture;
    private final UUID tenant;

    PeerStatementsTest(MigratedDatabase database) {
        fixture = PeerFixture.load(database);
        tenant = fixture.tenant(1);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void the_lines_of_an_invoice_take_one_query() {
        UUID invoice = fixture.ids("select id from invoices where user_id = ? order by id limit 1", tenant).getFirst();

        assertSends(() -> fixture.peer.lineItems(tenant, invoice), 1, 2);
    }

    @Test
    void a_client_search_takes_one_query() {
        assertSends(() -> fixture.peer.searchClients(tenant, DataSetPlan.CLIENT_SEARCH_FRAGMENT, 20), 1, 2);
    }

    @Test
    void invoices_with_their_lines_take_the_page_of_ids_then_one_fetch_join() {
        JdbcCounter.Count count = assertSends(() -> fixture.peer.invoices(tenant, 1000), 2, 3);

        assertThat(count.sql().get(1)).contains("left join peer.line_items")
                .contains("on i1_0.user_id=l1_0.user_id and i1_0.id=l1_0.invoice_id");
    }

    @Test
    void overdue_invoices_with_their_lines_take_the_same_two_queries() {
        assertSends(() -> fixture.peer.overdueInvoices(tenant, 1000), 2, 3);
    }

    @Test
    void summaries_take_one_query_joining_the_clients() {
        assertSends(() -> fixture.peer.summaries(tenant, 1000), 1, 2);
        assertSends(() -> fixture.peer.overdueSummaries(tenant, 1000), 1, 2);
    }

    @Test
    void creating_and_issuing_reads_three_rows_and_writes_in_three_batches() {
        Object[] terms = fixture.query("select client_id, currency, tax_rate from invoices where user_id = ? "
                + "order by id limit 1", tenant).getFirst();
        InvoiceDraft.Builder draft = InvoiceDraft.builder(Currency.getInstance(((String) terms[1]).strip()))
                .client(ClientId.of((UUID) terms[0])).issuedOn(LocalDate.now(PeerFixture.CLOCK))
                .taxRate((BigDecimal) terms[2]);
        for (int i = 1; i <= 5; i++) {
            draft.line("Benchmark work " + i, BigDecimal.valueOf(i), new BigDecimal("19.90"));
        }

        // client, seller, series locked; the invoice, its 5 lines (one batch), the series; commit.
        JdbcCounter.Count count = assertSends(() -> fixture.peer.createAndIssue(tenant, draft.build()), 10, 7);

        assertThat(count.sql()).filteredOn(sql -> sql.contains("update peer.invoices")).isEmpty();
    }

    @Test
    void recording_a_payment_locks_the_invoice_inserts_the_payment_and_updates_the_invoice() {
        UUID invoice = fixture.ids("select id from invoices where user_id = ? and status = 'sent' and total > 1 "
                + "order by id limit 1", tenant).getFirst();

        assertSends(() -> fixture.peer.recordPayment(tenant, invoice, new BigDecimal("0.01"), PaymentMethod.CARD), 3, 4);
    }

    private JdbcCounter.Count assertSends(Supplier<?> operation, int statements, int roundTrips) {
        JdbcCounter.Count count = fixture.peerStatements.count(operation).count();
        List<String> sql = count.sql();
        assertThat(count.statements()).as("statements of %s", sql).isEqualTo(statements);
        assertThat(count.roundTrips()).as("round trips of %s", sql).isEqualTo(roundTrips);
        assertThat(sql.getLast()).isEqualTo("commit");
        return count;
    }
}
