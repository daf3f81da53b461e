package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.BUYER;
import static io.invoicekit.core.invoice.InvoiceExamples.DUE;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static io.invoicekit.core.invoice.InvoiceExamples.NUMBER;
import static io.invoicekit.core.invoice.InvoiceExamples.draft;
import static io.invoicekit.core.invoice.InvoiceExamples.draftInvoice;
import static io.invoicekit.core.invoice.InvoiceExamples.invoiceIn;
import static io.invoicekit.core.invoice.InvoiceExamples.line;
import static io.invoicekit.core.invoice.InvoiceExamples.numberedDraft;
import static io.invoicekit.core.invoice.InvoiceExamples.SELLER;
import static io.invoicekit.core.invoice.InvoiceExamples.sentInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceLifecycleTest {

    @Test
    void issuing_a_draft_numbers_it_dates_it_and_names_seller_and_buyer() {
        var draft = draftInvoice();
        var issued = draft.issue(NUMBER, ISSUED.plusDays(3), SELLER, BUYER);

        assertThat(issued.status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(issued.number()).isEqualTo(NUMBER);
        assertThat(issued.issueDate()).isEqualTo(ISSUED.plusDays(3));
        assertThat(issued.dueDate()).isEqualTo(DUE.plusDays(3));
        assertThat(issued.seller()).isEqualTo(SELLER);
        assertThat(issued.buyer()).isEqualTo(BUYER);
        assertThat(issued).usingRecursiveComparison()
                .ignoringFields("status", "number", "issueDate", "dueDate", "seller", "buyer").isEqualTo(draft);
    }

    @Test
    void a_draft_numbered_at_creation_keeps_its_number_when_issued() {
        var issued = numberedDraft().issue(InvoiceNumber.of("INV-000099"), ISSUED, SELLER, BUYER);

        assertThat(issued.number()).isEqualTo(NUMBER);
    }

    @Test
    void a_draft_has_no_number_and_is_named_by_its_id() {
        var draft = draftInvoice();

        assertThat(draft.number()).isNull();
        assertThatThrownBy(() -> draft.markViewed())
                .hasMessage("draft " + draft.id().value() + ": status cannot go from DRAFT to VIEWED");
    }

    @Test
    void an_invoice_without_lines_cannot_be_issued() {
        var empty = Invoice.create(InvoiceId.generate(CLOCK), draft("20"), PaymentTerms.DEFAULT, CLOCK);

        assertThatThrownBy(empty::checkIssuable)
                .isInstanceOf(ValidationException.class)
                .hasMessage("draft " + empty.id().value() + " cannot be issued: lines must hold at least one line to "
                        + "send the invoice; total must be greater than 0 to send the invoice, was EUR 0.00");
    }

    @Test
    void an_invoice_of_nothing_cannot_be_issued() {
        var free = Invoice.create(InvoiceId.generate(CLOCK), draft("20", line("Free onboarding", "1", "0")), PaymentTerms.DEFAULT, CLOCK);

        assertThatThrownBy(() -> free.issue(NUMBER, ISSUED, SELLER, BUYER))
                .hasMessage("draft " + free.id().value() + " cannot be issued: "
                        + "total must be greater than 0 to send the invoice, was EUR 0.00");
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void only_a_draft_is_issued(InvoiceStatus status) {
        assertThatThrownBy(() -> invoiceIn(status).checkIssuable())
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("invoice INV-000001: status cannot go from " + status + " to SENT");
    }

    @Test
    void a_draft_without_a_number_is_discarded_and_a_numbered_invoice_is_kept() {
        draftInvoice().checkDiscardable();

        assertThatThrownBy(() -> numberedDraft().checkDiscardable())
                .hasMessage("invoice INV-000001 cannot be discarded: number must be absent to discard: a numbered "
                        + "invoice is kept, was INV-000001");
        assertThatThrownBy(() -> sentInvoice().checkDiscardable())
                .hasMessage("invoice INV-000001 cannot be discarded: status must be DRAFT to discard, was SENT; "
                        + "number must be absent to discard: a numbered invoice is kept, was INV-000001");
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
    @EnumSource(value = InvoiceStatus.class, names = {"PARTIALLY_PAID", "PAID", "VOID"})
    void only_a_sent_invoice_becomes_viewed(InvoiceStatus status) {
        assertThatThrownBy(() -> invoiceIn(status).markViewed())
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessage("invoice INV-000001: status cannot go from " + status + " to VIEWED");
    }

    @Test
    void a_numbered_draft_is_voided_and_keeps_its_number() {
        var voided = numberedDraft().voidInvoice();

        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.number()).isEqualTo(NUMBER);
    }

    @Test
    void a_draft_without_a_number_is_not_voided_but_discarded() {
        var draft = draftInvoice();

        assertThatThrownBy(draft::voidInvoice)
                .isInstanceOf(ValidationException.class)
                .hasMessage("draft " + draft.id().value() + " cannot be voided: number must be present to void: a "
                        + "draft without a number is discarded instead");
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"SENT", "VIEWED", "PARTIALLY_PAID", "PAID"})
    void an_issued_invoice_is_never_voided(InvoiceStatus status) {
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
