package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static io.invoicekit.core.invoice.InvoiceExamples.completed;
import static io.invoicekit.core.invoice.InvoiceExamples.credited;
import static io.invoicekit.core.invoice.InvoiceExamples.draftInvoice;
import static io.invoicekit.core.invoice.InvoiceExamples.invoiceIn;
import static io.invoicekit.core.invoice.InvoiceExamples.numberedDraft;
import static io.invoicekit.core.invoice.InvoiceExamples.pending;
import static io.invoicekit.core.invoice.InvoiceExamples.sentInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.money.CurrencyMismatchException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.failure.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvoicePaymentsTest {

    private static final Clock A_WEEK_LATER = Clock.offset(CLOCK, Duration.ofDays(7));

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"SENT", "VIEWED"})
    void a_completed_payment_below_the_total_makes_the_invoice_partially_paid(InvoiceStatus status) {
        var invoice = invoiceIn(status);

        var paid = invoice.applyPayments(List.of(completed(invoice, "50.00")), CLOCK);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(paid.amountPaid()).isEqualTo(Money.of("50.00", EUR));
        assertThat(paid.balance()).isEqualTo(Money.of("70.00", EUR));
        assertThat(paid.paidDate()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"SENT", "VIEWED"})
    void payments_reaching_the_total_make_the_invoice_paid_on_the_clock_date(InvoiceStatus status) {
        var invoice = invoiceIn(status);

        var paid = invoice.applyPayments(List.of(completed(invoice, "20.00"), completed(invoice, "100.00")), CLOCK);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.balance()).isEqualTo(Money.zero(EUR));
        assertThat(paid.paidDate()).isEqualTo(CLOCK.instant());
    }

    @Test
    void the_rest_of_a_partially_paid_invoice_makes_it_paid() {
        var invoice = sentInvoice();
        var first = completed(invoice, "50.00");
        var partly = invoice.applyPayments(List.of(first), CLOCK);

        var paid = partly.applyPayments(List.of(first, completed(invoice, "70.00")), A_WEEK_LATER);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paidDate()).isEqualTo(A_WEEK_LATER.instant());
    }

    @Test
    void applying_the_payments_of_a_paid_invoice_again_keeps_its_paid_date() {
        var invoice = sentInvoice();
        var payment = completed(invoice, "120.00");
        var paid = invoice.applyPayments(List.of(payment), CLOCK);

        var again = paid.applyPayments(List.of(payment, pending(invoice, "0.01").fail()), A_WEEK_LATER);

        assertThat(again).isEqualTo(paid);
    }

    @Test
    void pending_and_failed_payments_do_not_count_as_paid() {
        var invoice = sentInvoice().markViewed();

        var payments = List.of(pending(invoice, "50.00"), pending(invoice, "70.00").fail());

        var applied = invoice.applyPayments(payments, CLOCK);

        assertThat(applied).isEqualTo(invoice);
    }

    @Test
    void a_payment_refunded_before_credit_notes_no_longer_counts() {
        var invoice = sentInvoice();
        var first = completed(invoice, "20.00");
        var second = completed(invoice, "100.00");

        var paid = invoice.applyPayments(List.of(refundedLongAgo(first), second), CLOCK);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(paid.amountPaid()).isEqualTo(Money.of("100.00", EUR));
        assertThat(paid.paidDate()).isNull();
    }

    @Test
    void credit_notes_lower_the_balance_and_payments_settle_the_rest() {
        var credited = credited(sentInvoice(), "20.00");

        var paid = credited.applyPayments(List.of(completed(credited, "100.00")), CLOCK);

        assertThat(credited.balance()).isEqualTo(Money.of("100.00", EUR));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.balance().isZero()).isTrue();
        assertThatThrownBy(() -> credited.applyPayments(List.of(completed(credited, "100.01")), CLOCK))
                .isInstanceOf(OverpaymentException.class)
                .hasMessage("invoice INV-000001: payments must not exceed the invoice total less credited EUR 100.00, was EUR 100.01");
    }

    @Test
    void a_credit_note_beyond_what_is_left_is_refused_and_a_refund_beyond_what_is_owed_back() {
        var sent = sentInvoice();
        var paidInFull = sent.applyPayments(List.of(completed(sent, "120.00")), CLOCK);
        var credited = credited(paidInFull, "30.00");

        credited.checkRefundable(Money.of("30.00", EUR));
        assertThatThrownBy(() -> credited.checkRefundable(Money.of("30.01", EUR)))
                .hasMessage("invoice INV-000001 cannot refund: amount must be more than 0 and at most the EUR 30.00 "
                        + "paid beyond what is owed, was EUR 30.01");
        assertThatThrownBy(() -> credited.checkCreditable(Money.of("90.01", EUR)))
                .hasMessage("invoice INV-000001 cannot be credited: total must be more than 0 and at most the "
                        + "EUR 90.00 left to credit of the total EUR 120.00, was EUR 90.01");
    }

    private static Payment refundedLongAgo(Payment payment) {
        return new Payment(payment.id(), payment.invoiceId(), payment.amount(), payment.method(),
                PaymentStatus.REFUNDED, payment.paymentDate(), payment.transactionId(), payment.notes(), 2);
    }

    @Test
    void a_payment_above_the_balance_is_refused_naming_the_amounts() {
        var invoice = sentInvoice();

        assertThatThrownBy(() -> invoice.applyPayments(
                        List.of(completed(invoice, "100.00"), completed(invoice, "50.00")), CLOCK))
                .isInstanceOf(OverpaymentException.class)
                .hasMessage("invoice INV-000001: payments must not exceed the invoice total EUR 120.00, was EUR 150.00")
                .satisfies(e -> {
                    var overpayment = (OverpaymentException) e;
                    assertThat(overpayment.total()).isEqualTo(Money.of("120.00", EUR));
                    assertThat(overpayment.paid()).isEqualTo(Money.of("150.00", EUR));
                });
    }

    @Test
    void money_that_arrived_is_recorded_while_another_payment_is_pending_but_that_one_cannot_complete() {
        var invoice = sentInvoice();
        var card = pending(invoice, "120.00");
        var transfer = completed(invoice, "120.00");

        var paid = invoice.applyPayments(List.of(card, transfer), CLOCK);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> paid.applyPayments(List.of(card.complete(), transfer), CLOCK))
                .isInstanceOf(OverpaymentException.class)
                .hasMessageEndingWith("was EUR 240.00");
        assertThat(paid.applyPayments(List.of(card.fail(), transfer), CLOCK)).isEqualTo(paid);
    }

    @Test
    void a_refunded_or_failed_payment_frees_its_share_of_the_balance() {
        var invoice = sentInvoice();

        var paid = invoice.applyPayments(List.of(refundedLongAgo(completed(invoice, "120.00")),
                pending(invoice, "120.00").fail(), completed(invoice, "120.00")), CLOCK);

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"DRAFT", "VOID"})
    void a_draft_or_void_invoice_cannot_be_paid(InvoiceStatus status) {
        var invoice = status == InvoiceStatus.DRAFT ? numberedDraft() : invoiceIn(status);

        assertThatThrownBy(() -> invoice.applyPayments(List.of(pending(invoice, "10.00")), CLOCK))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invoice INV-000001 cannot take these payments: "
                        + "status must be issued and neither void nor credited to take payments, was " + status);
    }

    @Test
    void a_payment_of_another_invoice_is_refused() {
        var invoice = sentInvoice();
        var other = draftInvoice();
        var payment = completed(other, "10.00");

        assertThatThrownBy(() -> invoice.applyPayments(List.of(payment), CLOCK))
                .hasMessage("invoice INV-000001 cannot take these payments: payments[0].invoiceId must be "
                        + invoice.id().value() + ", was " + other.id().value());
    }

    @Test
    void a_payment_in_another_currency_is_refused_naming_both() {
        var invoice = sentInvoice();
        var dollars = Payment.pending(PaymentId.generate(CLOCK), invoice.id(),
                Money.of("10.00", Currency.getInstance("USD")), PaymentMethod.CARD, ISSUED, null, null);

        assertThatThrownBy(() -> invoice.applyPayments(List.of(dollars), CLOCK))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("invoice INV-000001 cannot take payment " + dollars.id().value()
                        + ": currency must be EUR, was USD");
    }

    @Test
    void no_payment_changes_nothing() {
        var invoice = sentInvoice();

        assertThat(invoice.applyPayments(List.of(), CLOCK)).isEqualTo(invoice);
        assertThat(draftInvoice().applyPayments(List.<Payment>of(), CLOCK).status()).isEqualTo(InvoiceStatus.DRAFT);
    }
}
