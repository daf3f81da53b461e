package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.DUE;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.credited;
import static io.invoicekit.core.invoice.InvoiceExamples.invoiceIn;
import static io.invoicekit.core.invoice.InvoiceExamples.paidIn;
import static io.invoicekit.core.invoice.InvoiceExamples.sentInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvoiceSummaryTest {

    /**
     * An invoice in every status, and credited ones: in part while sent, paid in part, and after it
     * was paid in full (a balance below 0); each on the day before its due date, on it, and after.
     */
    static Stream<Arguments> invoicesAndDays() {
        Stream<Invoice> everyStatus = Stream.of(InvoiceStatus.values()).map(InvoiceExamples::invoiceIn);
        Stream<Invoice> credited = Stream.of(credited(sentInvoice(), "30.00"),
                credited(paidIn(sentInvoice(), "50.00"), "30.00"), credited(paidIn(sentInvoice(), "120.00"), "30.00"));
        return Stream.concat(everyStatus, credited).flatMap(invoice -> Stream.of(DUE.minusDays(1), DUE, DUE.plusDays(1))
                .map(day -> Arguments.of(invoice, day)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("invoicesAndDays")
    void balance_and_status_are_derived_as_the_invoice_derives_them(Invoice invoice, LocalDate day) {
        InvoiceSummary summary = summaryOf(invoice, day);

        assertThat(summary.balance()).isEqualTo(invoice.balance());
        assertThat(summary.status()).isEqualTo(invoice.statusOn(day));
    }

    @Test
    void due_today_is_not_overdue_due_yesterday_is() {
        Invoice partlyPaid = paidIn(sentInvoice(), "50.00");

        assertThat(summaryOf(partlyPaid, DUE).status()).isEqualTo(DisplayStatus.PARTIALLY_PAID);
        assertThat(summaryOf(partlyPaid, DUE.plusDays(1)).status()).isEqualTo(DisplayStatus.OVERDUE);
        assertThat(summaryOf(partlyPaid, DUE.plusDays(1)).balance()).isEqualTo(Money.of("70.00", EUR));
    }

    @Test
    void an_invoice_paid_in_part_and_credited_in_part_owes_the_rest() {
        Invoice invoice = credited(paidIn(sentInvoice(), "50.00"), "30.00");

        assertThat(summaryOf(invoice, DUE).balance()).isEqualTo(Money.of("40.00", EUR));
    }

    @Test
    void a_draft_has_no_number_every_other_status_needs_one() {
        Invoice draft = invoiceIn(InvoiceStatus.DRAFT);

        assertThat(summaryOf(draft, DUE).number()).isNull();
        assertThatThrownBy(() -> new InvoiceSummary(draft.id(), null, draft.clientId(), "Client GmbH", draft.issueDate(),
                draft.dueDate(), draft.total(), draft.total(), DisplayStatus.SENT, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("number"));
    }

    @Test
    void missing_parts_and_a_balance_in_another_currency_are_refused_by_name() {
        Money total = Money.of("120.00", EUR);

        assertThatThrownBy(() -> new InvoiceSummary(null, null, null, null, null, null, total,
                Money.of("1.00", Currency.getInstance("USD")), null, -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(
                                tuple("id", "required"),
                                tuple("clientId", "required"),
                                tuple("clientName", "required"),
                                tuple("issueDate", "required"),
                                tuple("dueDate", "required"),
                                tuple("balance", "sameCurrency"),
                                tuple("status", "required"),
                                tuple("version", "notNegative")));
        assertThatThrownBy(() -> InvoiceSummary.of(null, null, null, null, null, null, null, null, null, null, 0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly(
                                "total", "amountPaid", "amountCredited", "status", "dueDate", "day"));
    }

    private static InvoiceSummary summaryOf(Invoice invoice, LocalDate day) {
        return InvoiceSummary.of(invoice.id(), invoice.number(), invoice.clientId(), "Client GmbH", invoice.issueDate(),
                invoice.dueDate(), invoice.total(), invoice.amountPaid(), invoice.amountCredited(), invoice.status(),
                invoice.version(), day);
    }
}
