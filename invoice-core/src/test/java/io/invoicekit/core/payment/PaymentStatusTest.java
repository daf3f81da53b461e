package io.invoicekit.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentStatusTest {

    /** The lifecycle, written out on its own so that a change to the enum has to change this too. */
    private static final Set<String> ALLOWED = Set.of("PENDING->COMPLETED", "PENDING->FAILED");

    static Stream<Arguments> everyPair() {
        return Stream.of(PaymentStatus.values()).flatMap(from -> Stream.of(PaymentStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + "->" + to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void the_lifecycle_allows_exactly_pending_to_completed_or_failed(
            PaymentStatus from, PaymentStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @Test
    void only_a_completed_payment_counts_as_paid() {
        assertThat(Stream.of(PaymentStatus.values()).filter(PaymentStatus::countsAsPaid))
                .containsExactly(PaymentStatus.COMPLETED);
    }

    @Test
    void a_pending_or_completed_payment_is_live_and_a_failed_or_refunded_one_is_over() {
        assertThat(Stream.of(PaymentStatus.values()).filter(PaymentStatus::isLive))
                .containsExactly(PaymentStatus.PENDING, PaymentStatus.COMPLETED);
    }

    @Test
    void the_constants_are_those_the_database_stores() {
        assertThat(PaymentStatus.values()).extracting(Enum::name)
                .containsExactly("PENDING", "COMPLETED", "FAILED", "REFUNDED");
        assertThat(PaymentMethod.values()).extracting(Enum::name)
                .containsExactly("BANK_TRANSFER", "CARD", "CASH", "CHEQUE", "OTHER");
    }
}
