package io.invoicekit.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PaymentId ID = PaymentId.of(UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6"));
    private static final InvoiceId INVOICE = InvoiceId.of(UUID.fromString("0195502f-0000-7000-8000-000000000001"));
    private static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);

    private static Payment pending() {
        return Payment.pending(ID, INVOICE, Money.of("50.00", EUR), PaymentMethod.CARD, MARCH_3, " ch_3Nq ", null);
    }

    @Test
    void a_new_payment_is_pending_at_version_0() {
        var payment = pending();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.transactionId()).isEqualTo("ch_3Nq");
        assertThat(payment.notes()).isNull();
        assertThat(payment.version()).isZero();
    }

    @Test
    void a_pending_payment_completes_or_fails() {
        assertThat(pending().complete().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(pending().fail().status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void a_move_keeps_everything_else_as_it_was() {
        var completed = pending().complete();

        assertThat(completed).isEqualTo(new Payment(ID, INVOICE, Money.of("50.00", EUR), PaymentMethod.CARD,
                PaymentStatus.COMPLETED, MARCH_3, "ch_3Nq", null, 0));
    }

    static Stream<Arguments> refusedMoves() {
        UnaryOperator<Payment> complete = Payment::complete;
        UnaryOperator<Payment> fail = Payment::fail;
        var completed = pending().complete();
        var failed = pending().fail();
        // Refunded before refunds went through credit notes: such payments stay as they are.
        var refunded = new Payment(ID, INVOICE, Money.of("50.00", EUR), PaymentMethod.CARD, PaymentStatus.REFUNDED,
                MARCH_3, null, null, 2);
        return Stream.of(
                Arguments.of(completed, complete, "COMPLETED", "COMPLETED"),
                Arguments.of(completed, fail, "COMPLETED", "FAILED"),
                Arguments.of(failed, complete, "FAILED", "COMPLETED"),
                Arguments.of(failed, fail, "FAILED", "FAILED"),
                Arguments.of(refunded, complete, "REFUNDED", "COMPLETED"),
                Arguments.of(refunded, fail, "REFUNDED", "FAILED"));
    }

    @ParameterizedTest(name = "{2} -> {3} is refused")
    @MethodSource("refusedMoves")
    void any_other_move_is_refused_naming_both_states(
            Payment payment, UnaryOperator<Payment> move, String from, String to) {
        assertThatThrownBy(() -> move.apply(payment))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("payment " + ID.value() + ": status cannot go from " + from + " to " + to);
    }

    @Test
    void an_amount_must_be_greater_than_0() {
        assertThatThrownBy(() -> Payment.pending(ID, INVOICE, Money.zero(EUR), PaymentMethod.CASH, MARCH_3, null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid payment: amount must be greater than 0, was EUR 0.00");
    }

    @Test
    void every_mistake_of_a_payment_is_reported_at_once() {
        assertThatThrownBy(() -> new Payment(null, null, null, null, null, null, "x".repeat(256), " ", -1))
                .hasMessage("invalid payment: id is required; invoiceId is required; amount is required; "
                        + "method is required; status is required; paymentDate is required; "
                        + "transactionId must be at most 255 characters, was 256; "
                        + "version must be 0 or more, was -1");
    }

    @Test
    void a_transaction_id_holds_up_to_255_characters() {
        var longest = "t".repeat(255);

        assertThat(Payment.pending(ID, INVOICE, Money.of("1", EUR), PaymentMethod.CARD, MARCH_3, longest, null)
                .transactionId()).isEqualTo(longest);
    }
}
