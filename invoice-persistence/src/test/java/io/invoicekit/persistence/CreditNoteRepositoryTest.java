package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.CreditNoteStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.invoice.OverpaymentException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.Refund;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.testing.MigratedDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An issued invoice is corrected by credit notes, and money goes back as refunds against them. */
class CreditNoteRepositoryTest extends StoreTest {

    CreditNoteRepositoryTest(MigratedDatabase database) {
        super(database, 2);
    }

    @Test
    void a_partial_credit_note_is_numbered_in_its_own_series_and_lowers_the_balance() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30)); // 129.99 + 20% = 155.99

        CreditNote draft = store.inTenant(tenant, tx -> tx.creditNotes().createDraft(partOf(invoice, "10.00")));
        CreditNote issued = store.inTenant(tenant, tx -> tx.creditNotes().issue(draft.id(), draft.version()));
        Invoice after = reload(tenant, invoice);

        assertThat(draft.number()).isNull();
        assertThat(issued.status()).isEqualTo(CreditNoteStatus.ISSUED);
        assertThat(issued.number().text()).isEqualTo("CN-000001");
        assertThat(issued.issueDate()).isEqualTo(TODAY);
        assertThat(issued.subtotal()).isEqualTo(Money.of("10.00", EUR));
        assertThat(issued.tax()).isEqualTo(Money.of("2.00", EUR));
        assertThat(issued.total()).isEqualTo(Money.of("12.00", EUR));
        assertThat(after.amountCredited()).isEqualTo(Money.of("12.00", EUR));
        assertThat(after.balance()).isEqualTo(Money.of("143.99", EUR));
        assertThat(after.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(invoice.number().text()).isEqualTo("INV-000001");
    }

    @Test
    void credit_notes_never_add_up_to_more_than_the_invoice() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        store.inTenant(tenant, tx -> issue(tx, partOf(invoice, "100.00"))); // 120.00 of 155.99

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.creditNotes().createDraft(partOf(invoice, "30.00"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("total must be more than 0 and at most the EUR 35.99 left to credit of the "
                        + "total EUR 155.99, was EUR 36.00");
        List<CreditNote> notes = store.inTenant(tenant, tx -> tx.creditNotes().forInvoice(invoice.id()));
        assertThat(notes).hasSize(1);
    }

    @Test
    void crediting_in_full_cancels_the_invoice_and_no_payment_is_taken_after() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));

        CreditNote full = store.inTenant(tenant, tx -> tx.creditNotes().creditInFull(invoice.id(), "Ordered twice"));
        Invoice credited = reload(tenant, invoice);

        assertThat(full.total()).isEqualTo(invoice.total());
        assertThat(full.lines()).extracting(l -> l.description()).containsExactly("Consulting", "Hosting");
        assertThat(credited.status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "1.00"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("status must be issued and neither void nor credited to take payments");
    }

    @Test
    void a_paid_invoice_credited_in_part_refunds_what_was_paid_beyond_what_is_owed() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "155.99")));
        CreditNote note = store.inTenant(tenant, tx -> issue(tx, partOf(invoice, "10.00")));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().refund(refund(note, "12.01"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most the EUR 12.00 paid beyond what is owed, was EUR 12.01");
        store.inTenant(tenant, tx -> tx.payments().refund(refund(note, "12.00")));
        Invoice settled = reload(tenant, invoice);

        assertThat(settled.amountPaid()).isEqualTo(Money.of("143.99", EUR));
        assertThat(settled.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(settled.balance().isZero()).isTrue();
    }

    @Test
    void a_payment_beyond_what_credit_notes_left_to_pay_is_refused() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        store.inTenant(tenant, tx -> issue(tx, partOf(invoice, "100.00")));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "36.00"))))
                .isInstanceOf(OverpaymentException.class);
        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "35.99")));
        assertThat(reload(tenant, invoice).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void a_draft_credit_note_is_discarded_and_an_issued_one_is_kept() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        CreditNote draft = store.inTenant(tenant, tx -> tx.creditNotes().createDraft(partOf(invoice, "5.00")));
        CreditNote issued = store.inTenant(tenant, tx -> issue(tx, partOf(invoice, "5.00")));

        store.inTenantRun(tenant, tx -> tx.creditNotes().discard(draft.id(), draft.version()));

        assertThatThrownBy(() -> store.inTenantRun(tenant, tx -> tx.creditNotes().discard(issued.id(), issued.version())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be DRAFT to discard, was ISSUED");
        Optional<CreditNote> gone = store.inTenant(tenant, tx -> tx.creditNotes().find(draft.id()));
        assertThat(gone).isEmpty();
        assertThat(issued.number().text()).isEqualTo("CN-000001");
    }

    @Test
    void the_readme_example_of_credit_notes_runs_as_written() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        Invoice invoice = fixture.sentInvoice(tenant, client);
        Invoice other = fixture.sentInvoice(tenant, client);
        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "155.99")));
        var eur = EUR;
        var clock = fixture.clock;

        // --- from the README, "Issuing invoices" ---
        CreditNote discount = store.inTenant(tenant, tx -> {
            CreditNote draft = tx.creditNotes().createDraft(new CreditNoteDraft(invoice.id(), "Discount agreed after delivery",
                    List.of(new LineDraft("Discount", Quantity.of("1"), Money.of("10.00", eur), null))));
            return tx.creditNotes().issue(draft.id(), draft.version());           // CN-000001, 10.00 + the invoice's tax
        });
        CreditNote cancelled = store.inTenant(tenant, tx -> tx.creditNotes().creditInFull(other.id(), "Ordered twice"));
        store.inTenant(tenant, tx -> tx.payments().refund(new Refund(RefundId.generate(clock), discount.id(),
                invoice.id(), Money.of("12.00", eur), PaymentMethod.BANK_TRANSFER, LocalDate.now(clock), "re_81")));
        // --- end of the README ---

        assertThat(discount.number().text()).isEqualTo("CN-000001");
        assertThat(cancelled.number().text()).isEqualTo("CN-000002");
        assertThat(reload(tenant, other).status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(reload(tenant, invoice).balance().isZero()).isTrue();
    }

    private static CreditNote issue(TenantTransaction tx, CreditNoteDraft draft) {
        CreditNote created = tx.creditNotes().createDraft(draft);
        return tx.creditNotes().issue(created.id(), created.version());
    }

    private static CreditNoteDraft partOf(Invoice invoice, String net) {
        return new CreditNoteDraft(invoice.id(), "Discount agreed after delivery",
                List.of(new LineDraft("Discount", Quantity.of("1"), Money.of(net, EUR), null)));
    }

    private Refund refund(CreditNote note, String amount) {
        return new Refund(RefundId.generate(fixture.clock), note.id(), note.invoiceId(), Money.of(amount, EUR),
                PaymentMethod.BANK_TRANSFER, TODAY, null);
    }

    private Payment completed(Invoice invoice, String amount) {
        return Payment.pending(PaymentId.generate(fixture.clock), invoice.id(), Money.of(amount, EUR),
                PaymentMethod.CARD, TODAY, null, null).complete();
    }

    private Invoice reload(TenantId tenant, Invoice invoice) {
        return store.inTenant(tenant, tx -> tx.invoices().find(invoice.id())).orElseThrow();
    }
}
