package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ConstraintViolationException;
import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.OverpaymentException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.payment.Refund;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.testing.MigratedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentRepositoryTest extends StoreTest {


    PaymentRepositoryTest(MigratedDatabase database) {
        super(database, 4);
    }

    @Test
    void completed_payments_make_the_invoice_partially_paid_then_paid_with_a_paid_date() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));

        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "55.99")));
        Invoice partly = reload(tenant, invoice);
        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "100.00")));
        Invoice paid = reload(tenant, invoice);

        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.balance()).isEqualTo(Money.of("100.00", EUR));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.amountPaid()).isEqualTo(paid.total());
        assertThat(paid.paidDate()).isNotNull();
    }

    @Test
    void a_pending_payment_counts_once_completed_and_money_goes_back_only_as_a_refund_of_a_credit_note() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        Payment pending = pending(invoice, "155.99");

        store.inTenant(tenant, tx -> tx.payments().record(pending));
        assertThat(reload(tenant, invoice).status()).isEqualTo(InvoiceStatus.SENT);
        store.inTenant(tenant, tx -> tx.payments().complete(pending.id()));
        assertThat(reload(tenant, invoice).status()).isEqualTo(InvoiceStatus.PAID);
        CreditNote cancelled = store.inTenant(tenant, tx -> tx.creditNotes().creditInFull(invoice.id(), "Cancelled"));
        Refund refund = new Refund(RefundId.generate(fixture.clock), cancelled.id(), invoice.id(),
                Money.of("155.99", EUR), PaymentMethod.CARD, TODAY, "re_1");
        store.inTenant(tenant, tx -> tx.payments().refund(refund));

        Invoice afterRefund = reload(tenant, invoice);
        assertThat(afterRefund.amountPaid()).isEqualTo(Money.zero(EUR));
        assertThat(afterRefund.amountCredited()).isEqualTo(afterRefund.total());
        assertThat(afterRefund.status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(afterRefund.balance().isZero()).isTrue();
        List<Payment> payments = store.inTenant(tenant, tx -> tx.payments().forInvoice(invoice.id()));
        assertThat(payments).extracting(Payment::status).containsExactly(PaymentStatus.COMPLETED);
        List<Refund> refunds = store.inTenant(tenant, tx -> tx.payments().refundsOf(invoice.id()));
        assertThat(refunds).containsExactly(refund);
    }

    @Test
    void a_failed_payment_never_counts_and_cannot_be_completed_later() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        Payment pending = pending(invoice, "10.00");
        store.inTenant(tenant, tx -> tx.payments().record(pending));
        store.inTenant(tenant, tx -> tx.payments().fail(pending.id()));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().complete(pending.id())))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(reload(tenant, invoice).amountPaid()).isEqualTo(Money.zero(EUR));
    }

    @Test
    void an_overpayment_is_refused_with_the_amounts_and_nothing_is_stored() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "150.00")));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().record(completed(invoice, "6.00"))))
                .isInstanceOf(OverpaymentException.class)
                .hasMessageContaining("155.99");
        List<Payment> payments = store.inTenant(tenant, tx -> tx.payments().forInvoice(invoice.id()));
        assertThat(payments).hasSize(1);
        assertThat(reload(tenant, invoice).amountPaid()).isEqualTo(Money.of("150.00", EUR));
    }

    @Test
    void a_provider_transaction_id_is_recorded_once_per_tenant() {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        store.inTenant(tenant, tx -> tx.payments().record(withTransactionId(invoice, "psp-42")));

        assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.payments().record(withTransactionId(invoice, "psp-42"))))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.UNIQUE);
                    assertThat(e.constraint()).isEqualTo("payments_transaction_id_unique");
                    assertThat(e.sqlState()).isEqualTo("23505");
                });
        assertThat(reload(tenant, invoice).amountPaid()).isEqualTo(Money.of("1.00", EUR));
    }

    private Invoice reload(TenantId tenant, Invoice invoice) {
        return store.inTenant(tenant, tx -> tx.invoices().find(invoice.id())).orElseThrow();
    }

    private Payment pending(Invoice invoice, String amount) {
        return Payment.pending(PaymentId.generate(fixture.clock), invoice.id(), Money.of(amount, EUR),
                PaymentMethod.BANK_TRANSFER, TODAY, null, null);
    }

    private Payment completed(Invoice invoice, String amount) {
        return pending(invoice, amount).complete();
    }

    private Payment withTransactionId(Invoice invoice, String transactionId) {
        return Payment.pending(PaymentId.generate(fixture.clock), invoice.id(), Money.of("1.00", EUR),
                PaymentMethod.CARD, TODAY, transactionId, null).complete();
    }
}
