package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.DUE;
import static io.invoicekit.core.invoice.InvoiceExamples.NUMBER;
import static io.invoicekit.core.invoice.InvoiceExamples.draft;
import static io.invoicekit.core.invoice.InvoiceExamples.draftInvoice;
import static io.invoicekit.core.invoice.InvoiceExamples.invoiceIn;
import static io.invoicekit.core.invoice.InvoiceExamples.line;
import static io.invoicekit.core.invoice.InvoiceExamples.sentInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.validation.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceLifecycleTest {

    @Test
    void sending_a_draft_makes_it_sent_and_changes_nothing_else() {
        var draft = draftInvoice();
        var sent = draft.send();

        assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(sent).usingRecursiveComparison().ignoringFields("status").isEqualTo(draft);
    }

    @Test
    void an_invoice_without_lines_cannot_be_sent() {
        var empty = Invoice.create(InvoiceId.generate(CLOCK), NUMBER, draft("20"), PaymentTerms.DEFAULT, CLOCK);

        assertThatThrownBy(empty::send)
                .isInstanceOf(ValidationException.class)
                .hasMessage("invoice INV-000001 cannot be sent: lines must hold at least one line to send the invoice; "
                        + "total must be greater than 0 to send the invoice, was EUR 0.00");
    }

    @Test
    void an_invoice_of_nothing_cannot_be_sent() {
        var free = Invoice.create(InvoiceId.generate(CLOCK), NUMBER, draft("20", line("Free onboarding", "1", "0")), PaymentTerms.DEFAULT, CLOCK);

        assertThatThrownBy(free::send)
                .hasMessage("invoice INV-000001 cannot be sent: "
                        + "total must be greater than 0 to send the invoice, was EUR 0.00");
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void only_a_draft_is_sent(InvoiceStatus status) {
        assertThatThrownBy(() -> invoiceIn(status).send())
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("invoice INV-000001: status cannot go from " + status + " to SENT");
    }

    @Test
    void a_sent_invoice_becomes_viewed_when_the_client_opens_it() {
        assertThat(sentInvoice().markViewed().status()).isEqualTo(InvoiceStatus.VIEWED);
    }

    @Test
    void opening_a_viewed_invoice_again_changes_nothing() {
        var viewed = sentInvoice().markViewed();

        assertThat(viewed.markViewed()).isSameAs(viewed);
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"DRAFT", "PARTIALLY_PAID", "PAID", "VOID"})
    void only_a_sent_invoice_becomes_viewed(InvoiceStatus status) {
        assertThatThrownBy(() -> invoiceIn(status).markViewed())
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("invoice INV-000001: status cannot go from " + status + " to VIEWED");
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"DRAFT", "SENT", "VIEWED"})
    void an_invoice_with_nothing_paid_can_be_made_void(InvoiceStatus status) {
        var voided = invoiceIn(status).voidInvoice();

        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.amountPaid().isZero()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"PARTIALLY_PAID", "PAID"})
    void void_is_refused_once_a_payment_is_recorded(InvoiceStatus status) {
        assertThatThrownBy(() -> invoiceIn(status).voidInvoice())
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("invoice INV-000001: status cannot go from " + status + " to VOID")
                .satisfies(e -> {
                    var refused = (IllegalStatusTransitionException) e;
                    assertThat(refused.from()).isEqualTo(status);
                    assertThat(refused.to()).isEqualTo(InvoiceStatus.VOID);
                });
    }

    @Test
    void a_void_invoice_stays_void() {
        assertThatThrownBy(() -> invoiceIn(InvoiceStatus.VOID).voidInvoice())
                .hasMessage("invoice INV-000001: status cannot go from VOID to VOID");
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "SENT,           2025-03-31, SENT",
        "SENT,           2025-04-01, OVERDUE",
        "VIEWED,         2025-03-31, VIEWED",
        "VIEWED,         2025-04-01, OVERDUE",
        "PARTIALLY_PAID, 2025-03-31, PARTIALLY_PAID",
        "PARTIALLY_PAID, 2025-04-01, OVERDUE",
        "DRAFT,          2025-06-01, DRAFT",
        "PAID,           2025-06-01, PAID",
        "VOID,           2025-06-01, VOID",
    })
    void an_invoice_awaiting_payment_after_its_due_date_shows_as_overdue(
            InvoiceStatus status, LocalDate day, DisplayStatus shown) {
        var invoice = invoiceIn(status);

        assertThat(invoice.dueDate()).isEqualTo(DUE);
        assertThat(invoice.statusOn(day)).isEqualTo(shown);
        assertThat(invoice.isOverdueOn(day)).isEqualTo(shown == DisplayStatus.OVERDUE);
    }

    @Test
    void overdue_is_derived_on_the_day_asked_and_never_stored() {
        var sent = sentInvoice();

        assertThat(sent.statusOn(LocalDate.now(CLOCK))).isEqualTo(DisplayStatus.SENT);
        assertThat(sent.statusOn(DUE.plusDays(1))).isEqualTo(DisplayStatus.OVERDUE);
        assertThat(sent.status()).isEqualTo(InvoiceStatus.SENT);
    }
}
