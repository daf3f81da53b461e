package io.invoicekit.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.InvoiceKitException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The peer's writes leave its tables as ours leave ours: the same draft created and issued through
 * both gets the same number, totals, dates, lines and parties; the same payments move the same
 * invoice to the same amount paid and status, and the same overpayment is refused.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernatePeerWritesTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final PeerFixture fixture;

    HibernatePeerWritesTest(MigratedDatabase database) {
        fixture = PeerFixture.load(database);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void an_invoice_created_and_issued_is_ours_with_the_next_number() {
        UUID tenant = fixture.tenant(3);
        InvoiceDraft draft = draftFor(tenant);

        Invoice ours = fixture.store.inTenant(PeerFixture.ours(tenant), tx -> {
            Invoice created = tx.invoices().createDraft(draft);
            return tx.invoices().issue(created.id(), created.version());
        });
        io.invoicekit.benchmarks.peer.Invoice peer = fixture.peer.createAndIssue(tenant, draft);

        assertThat(Rows.of(peer)).usingRecursiveComparison().ignoringFields("id", "lines.id").isEqualTo(Rows.of(ours));
        assertThat(peer.number()).isEqualTo(ours.number().text()).isEqualTo(nextNumberBefore(tenant, ours));
        assertThat(peer.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(peer.lines()).hasSize(5);
        assertThat(List.of(peer.sellerName(), peer.buyerName())).isEqualTo(List.of(ours.seller().name(),
                ours.buyer().name()));
        assertThat(Rows.of(reloaded(tenant, peer.id()))).isEqualTo(Rows.of(peer));
    }

    @Test
    void concurrent_issues_take_every_number_once_without_a_gap() throws Exception {
        UUID tenant = fixture.tenant(4);
        long before = (Long) fixture.query("select last_number from peer.invoice_series "
                + "where user_id = ? and document_kind = 'invoice' and is_default", tenant).getFirst()[0];
        InvoiceDraft draft = draftFor(tenant);
        List<Future<String>> numbers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                numbers.add(threads.submit(() -> fixture.peer.createAndIssue(tenant, draft).number()));
            }
        }
        List<String> taken = new ArrayList<>();
        for (Future<String> number : numbers) {
            taken.add(number.get());
        }

        assertThat(taken).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, before + 20)
                .mapToObj(n -> "INV-%06d".formatted(n)).toList());
    }

    @Test
    void payments_move_the_invoice_as_ours_do_and_an_overpayment_is_refused_by_both() {
        UUID tenant = fixture.tenant(2);
        UUID invoice = fixture.ids("select id from invoices where user_id = ? and status = 'sent' and total > 1 "
                + "order by id limit 1", tenant).getFirst();

        Payment oursPaid = oursPay(tenant, invoice, CENT);
        io.invoicekit.benchmarks.peer.Payment peerPaid = fixture.peer.recordPayment(tenant, invoice, CENT,
                PaymentMethod.CARD);

        assertThat(List.of(peerPaid.amount(), peerPaid.method(), peerPaid.status(), peerPaid.paymentDate()))
                .isEqualTo(List.of(oursPaid.amount().amount(), oursPaid.method(), oursPaid.status(),
                        oursPaid.paymentDate()));
        assertThat(fixture.query("select amount from peer.payments where user_id = ? and id = ?", tenant, peerPaid.id())
                .getFirst()[0]).isEqualTo(CENT);

        Invoice ours = oursFind(tenant, invoice);
        assertThat(ours.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(Rows.of(reloaded(tenant, invoice))).isEqualTo(Rows.of(ours));

        BigDecimal overpaid = ours.balance().amount().add(CENT);
        assertThatThrownBy(() -> oursPay(tenant, invoice, overpaid)).isInstanceOf(InvoiceKitException.class);
        assertThatThrownBy(() -> fixture.peer.recordPayment(tenant, invoice, overpaid, PaymentMethod.CARD))
                .isInstanceOf(IllegalStateException.class);

        BigDecimal rest = ours.balance().amount();
        oursPay(tenant, invoice, rest);
        fixture.peer.recordPayment(tenant, invoice, rest, PaymentMethod.CARD);

        Invoice paidOurs = oursFind(tenant, invoice);
        io.invoicekit.benchmarks.peer.Invoice paidPeer = reloaded(tenant, invoice);
        assertThat(paidOurs.status()).isEqualTo(InvoiceStatus.PAID);
        // Each records when it was paid off, the database's now() or the peer's clock.
        assertThat(paidPeer.paidDate()).isNotNull();
        assertThat(Rows.of(paidPeer)).usingRecursiveComparison().ignoringFields("paidDate").isEqualTo(Rows.of(paidOurs));
        assertThat(fixture.query("select count(*) from peer.payments where user_id = ? and invoice_id = ?", tenant,
                invoice).getFirst()[0]).isEqualTo(fixture.query(
                "select count(*) from public.payments where user_id = ? and invoice_id = ?", tenant, invoice)
                .getFirst()[0]);
    }

    /** A draft of 5 lines for the tenant's first client, in its currency and at its tax rate, dated today. */
    private InvoiceDraft draftFor(UUID tenant) {
        Object[] terms = fixture.query("select client_id, currency, tax_rate from invoices where user_id = ? "
                + "order by id limit 1", tenant).getFirst();
        InvoiceDraft.Builder draft = InvoiceDraft.builder(Currency.getInstance(((String) terms[1]).strip()))
                .client(ClientId.of((UUID) terms[0]))
                .issuedOn(LocalDate.now(PeerFixture.CLOCK))
                .taxRate((BigDecimal) terms[2]);
        for (int i = 1; i <= 5; i++) {
            draft.line("Benchmark work " + i, BigDecimal.valueOf(i), new BigDecimal("19.90"));
        }
        return draft.build();
    }

    /** The number after the tenant's last one before {@code issued}: INV- and the count of numbered invoices. */
    private String nextNumberBefore(UUID tenant, Invoice issued) {
        long numbered = (Long) fixture.query("select count(*) from public.invoices where user_id = ? "
                + "and invoice_number is not null and id <> ?", tenant, issued.id().value()).getFirst()[0];
        return "INV-%06d".formatted(numbered + 1);
    }

    private Payment oursPay(UUID tenant, UUID invoice, BigDecimal amount) {
        Currency currency = oursFind(tenant, invoice).currency();
        Payment payment = Payment.pending(PaymentId.generate(PeerFixture.CLOCK), InvoiceId.of(invoice),
                Money.of(amount, currency), PaymentMethod.CARD, LocalDate.now(PeerFixture.CLOCK), null, null).complete();
        return fixture.store.inTenant(PeerFixture.ours(tenant), tx -> tx.payments().record(payment));
    }

    private Invoice oursFind(UUID tenant, UUID invoice) {
        return fixture.store.inTenant(PeerFixture.ours(tenant), tx -> tx.invoices().find(InvoiceId.of(invoice)))
                .orElseThrow();
    }

    /** The invoice as the peer reads it back in a transaction of its own, with its lines. */
    private io.invoicekit.benchmarks.peer.Invoice reloaded(UUID tenant, UUID invoice) {
        return fixture.peer.inTenant(tenant, session -> {
            var found = session.find(io.invoicekit.benchmarks.peer.Invoice.class, new TenantScopedId(tenant, invoice));
            found.lines().size();
            return found;
        });
    }
}
