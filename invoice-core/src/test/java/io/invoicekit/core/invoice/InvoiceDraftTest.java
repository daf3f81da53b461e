package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.CLIENT;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static io.invoicekit.core.invoice.InvoiceExamples.draft;
import static io.invoicekit.core.invoice.InvoiceExamples.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceDraftTest {

    private static final ServiceItem CONSULTING = ServiceItem.create(
            ServiceItemId.of(UUID.fromString("0195502f-0000-7000-8000-0000000000c1")),
            "Consulting hour", "Senior consultant, per hour", Money.of("150.00", EUR), TaxRate.of("20"));

    private static InvoiceDraft.Builder typedIn() {
        return InvoiceDraft.builder(EUR).client(CLIENT).issuedOn(ISSUED).taxRate(new BigDecimal("20"));
    }

    @Test
    void a_draft_built_from_typed_input_holds_checked_values() {
        var draft = typedIn()
                .dueOn(LocalDate.of(2025, 3, 15))
                .line(" Workshop ", new BigDecimal("1.5"), new BigDecimal("400"))
                .line(CONSULTING, new BigDecimal("2"))
                .notes(" Thank you! ")
                .purchaseOrder("PO-7781")
                .build();

        assertThat(draft).isEqualTo(new InvoiceDraft(CLIENT, EUR, ISSUED, LocalDate.of(2025, 3, 15), TaxRate.of("20"),
                List.of(new LineDraft("Workshop", Quantity.of("1.5"), Money.of("400.00", EUR), null),
                        new LineDraft("Consulting hour", Quantity.of("2"), Money.of("150.00", EUR), CONSULTING.id())),
                "Thank you!", "PO-7781"));
    }

    @Test
    void every_mistake_of_a_typed_in_draft_is_reported_at_once_with_its_field() {
        var typed = typedIn()
                .taxRate(new BigDecimal("120"))
                .line("Workshop", new BigDecimal("1"), new BigDecimal("400"))
                .line("Travel", new BigDecimal("1"), new BigDecimal("80"))
                .line("Consulting", new BigDecimal("-1"), new BigDecimal("150"));

        assertThatThrownBy(typed::build)
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice draft: lines[2].quantity must be greater than 0, was -1; "
                        + "taxRate must be between 0 and 100, was 120");
    }

    @Test
    void mistakes_in_parts_and_in_the_whole_are_reported_together_each_field_once() {
        var typed = InvoiceDraft.builder(EUR)
                .dueOn(LocalDate.of(2024, 12, 31))
                .line("  ", null, new BigDecimal("1.999"))
                .line(CONSULTING, new BigDecimal("0.0001"))
                .purchaseOrder("P".repeat(101));

        assertThatThrownBy(typed::build)
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).violations())
                .isEqualTo(List.of(
                        new Violation("lines[0].quantity", "required", "is required"),
                        new Violation("lines[0].unitPrice", "decimals", "must have at most 2 decimals, was 1.999"),
                        new Violation("lines[0].description", "length",
                                "must be 1 to 1000 characters, not blank, was blank"),
                        new Violation("lines[1].quantity", "decimals", "must have at most 3 decimals, was 0.0001"),
                        new Violation("taxRate", "required", "is required"),
                        new Violation("clientId", "required", "is required"),
                        new Violation("issueDate", "required", "is required"),
                        new Violation("purchaseOrder", "maxLength", "must be at most 100 characters, was 101")));
    }

    @Test
    void an_inactive_catalog_item_cannot_be_put_on_a_draft() {
        var retired = new ServiceItem(
                CONSULTING.id(), "Fax setup", null, Money.of("20", EUR), TaxRate.of("20"), false, 3);

        assertThatThrownBy(() -> typedIn().line(retired, BigDecimal.ONE).build())
                .hasMessage("invalid invoice draft: lines[0].serviceItemId must be an active catalog item, "
                        + "Fax setup is inactive");
        assertThatThrownBy(() -> LineDraft.forItem(retired, Quantity.of("1")))
                .hasMessage("invalid invoice line: "
                        + "serviceItemId must be an active catalog item, Fax setup is inactive");
    }

    @Test
    void a_catalog_item_priced_in_another_currency_is_refused() {
        var dollars = ServiceItem.create(CONSULTING.id(), "Support", null, Money.of("10", Currency.getInstance("USD")),
                TaxRate.of("0"));

        assertThatThrownBy(() -> typedIn().line(dollars, BigDecimal.ONE).build())
                .hasMessage("invalid invoice draft: lines[0].unitPrice must be in EUR, was USD 10.00");
    }

    @Test
    void a_draft_may_have_no_line_yet() {
        var empty = typedIn().build();

        assertThat(empty.lines()).isEmpty();
        assertThat(empty.totals()).isEqualTo(new InvoiceTotals(Money.zero(EUR), Money.zero(EUR), Money.zero(EUR)));
    }

    @Test
    void every_mistake_of_a_draft_made_from_values_is_reported_at_once() {
        var lines = Arrays.asList(line("Workshop", "1", "400"), null,
                new LineDraft("Support", Quantity.of("1"), Money.of("10", Currency.getInstance("USD")), null));

        var tooLong = "P".repeat(101);

        assertThatThrownBy(() -> new InvoiceDraft(null, EUR, ISSUED, ISSUED.minusDays(1), null, lines, null, tooLong))
                .hasMessage("invalid invoice draft: clientId is required; "
                        + "dueDate must not be before issueDate 2025-03-01, was 2025-02-28; taxRate is required; "
                        + "lines[1] is required; lines[2].unitPrice must be in EUR, was USD 10.00; "
                        + "purchaseOrder must be at most 100 characters, was 101");
    }

    @Test
    void a_draft_keeps_its_own_copy_of_the_lines() {
        var lines = new ArrayList<>(List.of(line("Workshop", "1", "400")));
        var draft = new InvoiceDraft(CLIENT, EUR, ISSUED, null, TaxRate.of("20"), lines, null, null);

        lines.add(line("Travel", "1", "80"));

        assertThat(draft.lines()).hasSize(1);
        assertThatThrownBy(() -> draft.lines().add(line("Travel", "1", "80")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_due_date_is_the_issue_date_plus_the_client_terms_unless_the_draft_gives_one() {
        var withoutDueDate = draft("20");
        var withDueDate = new InvoiceDraft(CLIENT, EUR, ISSUED, ISSUED, TaxRate.of("20"), List.of(), null, null);

        assertThat(withoutDueDate.dueDateUnder(PaymentTerms.ofDays(14))).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(withDueDate.dueDateUnder(PaymentTerms.ofDays(14))).isEqualTo(ISSUED);
    }

    @Test
    void a_purchase_order_reference_holds_up_to_100_characters_and_blank_notes_are_none() {
        var draft = new InvoiceDraft(CLIENT, EUR, ISSUED, null, TaxRate.of("20"), List.of(), "  ", "P".repeat(100));

        assertThat(draft.purchaseOrder()).hasSize(100);
        assertThat(draft.notes()).isNull();
    }

    @Test
    void a_line_needs_a_description_of_at_most_1000_characters_a_quantity_and_a_price_of_0_or_more() {
        assertThat(line("d".repeat(1000), "1", "1").description()).hasSize(1000);
        assertThatThrownBy(() -> new LineDraft("d".repeat(1001), null, Money.of("-1", EUR), null))
                .hasMessage("invalid invoice line: description must be 1 to 1000 characters, not blank, was 1001; "
                        + "quantity is required; unitPrice must be at least 0, in the currency's minor units, was EUR -1.00");
        assertThat(line("Free onboarding", "1", "0").amount()).isEqualTo(Money.zero(EUR));
    }

    @Test
    void the_totals_of_a_draft_are_those_the_invoice_will_have() {
        var draft = draft("19.6", line("Workshop", "1.5", "400.00"), line("Travel", "3", "33.33"));

        assertThat(draft.totals()).isEqualTo(new InvoiceTotals(
                Money.of("699.99", EUR), Money.of("137.20", EUR), Money.of("837.19", EUR)));
    }
}
