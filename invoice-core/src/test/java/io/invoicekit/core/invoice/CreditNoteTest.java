package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.credited;
import static io.invoicekit.core.invoice.InvoiceExamples.draftInvoice;
import static io.invoicekit.core.invoice.InvoiceExamples.line;
import static io.invoicekit.core.invoice.InvoiceExamples.sentInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditNoteTest {

    @Test
    void a_draft_credits_its_lines_at_the_invoice_s_rate() {
        var invoice = sentInvoice(); // 100.00 at 20%
        var draft = new CreditNoteDraft(invoice.id(), " Price agreed after delivery ", List.of(line("Discount", "1", "12.25")));

        var totals = draft.totalsOn(invoice);

        assertThat(draft.reason()).isEqualTo("Price agreed after delivery");
        assertThat(totals.tax()).isEqualTo(Money.of("2.45", EUR));
        assertThat(totals.total()).isEqualTo(Money.of("14.70", EUR));
    }

    @Test
    void a_draft_needs_a_reason_and_a_line() {
        assertThatThrownBy(() -> new CreditNoteDraft(sentInvoice().id(), " ", List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid credit note draft: reason must be 1 to 1000 characters, not blank, was blank; "
                        + "lines must hold at least one line of what is credited");
    }

    @Test
    void a_draft_is_refused_beyond_what_is_left_to_credit_and_on_a_draft_invoice() {
        var partly = credited(sentInvoice(), "100.00");
        var draft = new CreditNoteDraft(partly.id(), "Rest", List.of(line("Rest", "1", "16.68")));

        assertThatThrownBy(() -> draft.totalsOn(partly))
                .hasMessageContaining("total must be more than 0 and at most the EUR 20.00 left to credit");
        assertThatThrownBy(() -> draftInvoice().checkCreditable(Money.of("1.00", EUR)))
                .hasMessageContaining("status must be issued and not yet credited in full to credit, was DRAFT");
    }

    @Test
    void crediting_in_full_copies_every_line() {
        var invoice = sentInvoice();

        var full = CreditNoteDraft.inFull(invoice, "Ordered twice");

        assertThat(full.totalsOn(invoice).total()).isEqualTo(invoice.total());
    }

    @Test
    void a_draft_has_nothing_given_at_issue_and_an_issued_one_has_all_of_it() {
        var invoice = sentInvoice();
        var draft = CreditNote.draft(CreditNoteId.generate(CLOCK), CreditNoteDraft.inFull(invoice, "Ordered twice"), CLOCK);
        var totals = draft.totalsOn(invoice);

        var issued = new CreditNote(draft.id(), draft.invoiceId(), InvoiceNumber.of("CN-000001"), CreditNoteStatus.ISSUED,
                draft.reason(), LocalDate.of(2025, 3, 2), draft.lines(), invoice.taxRate(), totals.subtotal(),
                totals.tax(), totals.total(), 1);

        assertThat(draft.number()).isNull();
        assertThat(issued.total()).isEqualTo(invoice.total());
        assertThatThrownBy(() -> new CreditNote(draft.id(), draft.invoiceId(), null, CreditNoteStatus.ISSUED,
                draft.reason(), null, draft.lines(), invoice.taxRate(), totals.subtotal(), totals.tax(),
                totals.subtotal(), 1))
                .hasMessage("invalid credit note: number is required; issueDate is required");
    }
}
