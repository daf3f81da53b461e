package io.invoicekit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvoiceStatusTest {

    /** The lifecycle, written out on its own so that a change to the enum has to change this too. */
    private static final Set<String> ALLOWED = Set.of(
            "DRAFT->SENT", "DRAFT->VOID",
            "SENT->VIEWED", "SENT->PARTIALLY_PAID", "SENT->PAID", "SENT->CREDITED",
            "VIEWED->PARTIALLY_PAID", "VIEWED->PAID", "VIEWED->CREDITED",
            "PARTIALLY_PAID->PAID", "PARTIALLY_PAID->SENT", "PARTIALLY_PAID->CREDITED",
            "PAID->PARTIALLY_PAID", "PAID->SENT", "PAID->CREDITED");

    static Stream<Arguments> everyPair() {
        return Stream.of(InvoiceStatus.values()).flatMap(from -> Stream.of(InvoiceStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + "->" + to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void the_lifecycle_allows_exactly_the_documented_moves(InvoiceStatus from, InvoiceStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @Test
    void a_sent_viewed_or_partially_paid_invoice_awaits_payment() {
        assertThat(Stream.of(InvoiceStatus.values()).filter(InvoiceStatus::awaitsPayment))
                .containsExactly(InvoiceStatus.SENT, InvoiceStatus.VIEWED, InvoiceStatus.PARTIALLY_PAID);
    }

    @Test
    void the_constants_are_those_the_database_stores_and_overdue_is_not_one() {
        assertThat(InvoiceStatus.values()).extracting(Enum::name)
                .containsExactly("DRAFT", "SENT", "VIEWED", "PARTIALLY_PAID", "PAID", "CREDITED", "VOID");
    }
}
