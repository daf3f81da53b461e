package io.invoicekit.core.invoice;

import io.invoicekit.core.tenant.InvoiceId;
import static io.invoicekit.core.invoice.InvoiceExamples.CLIENT;
import static io.invoicekit.core.invoice.InvoiceExamples.CLOCK;
import static io.invoicekit.core.invoice.InvoiceExamples.DUE;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static io.invoicekit.core.invoice.InvoiceExamples.NUMBER;
import static io.invoicekit.core.invoice.InvoiceExamples.draft;
import static io.invoicekit.core.invoice.InvoiceExamples.draftInvoice;
import static io.invoicekit.core.invoice.InvoiceExamples.invoiceIn;
import static io.invoicekit.core.invoice.InvoiceExamples.line;
import static io.invoicekit.core.invoice.InvoiceExamples.numberedDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.failure.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvoiceTest {

    private static final Instant PAID_AT = Instant.parse("2025-03-10T12:00:00Z");

    /** The example draft invoice as a row would give it back, with the payment state replaced. */
    private static Invoice stored(InvoiceStatus status, String amountPaid, Instant paidDate) {
        var invoice = numberedDraft();
        return new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(), invoice.dueDate(),
                invoice.taxRate(), invoice.lines(), invoice.subtotal(), invoice.tax(), invoice.total(),
                Money.of(amountPaid, EUR), Money.zero(EUR), status, paidDate, invoice.notes(), invoice.purchaseOrder(), invoice.seller(), invoice.buyer(), 3);
    }

    /** The example draft invoice as a row would give it back, with the totals replaced. */
    private static Invoice stored(String subtotal, String tax, String total) {
        var invoice = draftInvoice();
        return new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(), invoice.dueDate(),
                invoice.taxRate(), invoice.lines(), Money.of(subtotal, EUR), Money.of(tax, EUR), Money.of(total, EUR),
                invoice.amountPaid(), invoice.amountCredited(), invoice.status(), null, null, null, null, null, 0);
    }

    @Test
    void a_new_invoice_is_a_draft_with_nothing_paid_at_version_0() {
        var invoice = Invoice.create(InvoiceId.generate(CLOCK),
                new InvoiceDraft(CLIENT, EUR, ISSUED, null, TaxRate.of("20"),
                        List.of(line("Workshop", "1.5", "400.00"), line("Travel", "1", "80.00")), " Thanks ", "PO-1"),
                PaymentTerms.DEFAULT, CLOCK);

        assertThat(invoice.number()).isNull();
        assertThat(invoice.seller()).isNull();
        assertThat(invoice.clientId()).isEqualTo(CLIENT);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.issueDate()).isEqualTo(ISSUED);
        assertThat(invoice.dueDate()).isEqualTo(DUE);
        assertThat(invoice.subtotal()).isEqualTo(Money.of("680.00", EUR));
        assertThat(invoice.tax()).isEqualTo(Money.of("136.00", EUR));
        assertThat(invoice.total()).isEqualTo(Money.of("816.00", EUR));
        assertThat(invoice.amountPaid()).isEqualTo(Money.zero(EUR));
        assertThat(invoice.balance()).isEqualTo(Money.of("816.00", EUR));
        assertThat(invoice.currency()).isEqualTo(EUR);
        assertThat(invoice.paidDate()).isNull();
        assertThat(invoice.notes()).isEqualTo("Thanks");
        assertThat(invoice.purchaseOrder()).isEqualTo("PO-1");
        assertThat(invoice.version()).isZero();
        assertThat(invoice.lines()).extracting(LineItem::description, LineItem::amount).containsExactly(
                tuple("Workshop", Money.of("600.00", EUR)),
                tuple("Travel", Money.of("80.00", EUR)));
    }

    @Test
    void a_new_invoice_and_its_lines_get_distinct_ids_stamped_with_the_clock() {
        var invoice = Invoice.create(InvoiceId.generate(CLOCK), draft("20", line("Workshop", "1", "400"), line("Travel", "1", "80")),
                PaymentTerms.DEFAULT, CLOCK);
        var ids = new ArrayList<UUID>();
        ids.add(invoice.id().value());
        invoice.lines().forEach(line -> ids.add(line.id().value()));

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(CLOCK.millis());
        });
    }

    @Test
    void a_draft_due_date_wins_over_the_client_terms() {
        var due = LocalDate.of(2025, 3, 8);
        var draft = new InvoiceDraft(CLIENT, EUR, ISSUED, due, TaxRate.of("20"), List.of(), null, null);

        assertThat(Invoice.create(InvoiceId.generate(CLOCK), draft, PaymentTerms.DEFAULT, CLOCK).dueDate()).isEqualTo(due);
        assertThat(Invoice.create(InvoiceId.generate(CLOCK), draft("20"), PaymentTerms.ofDays(0), CLOCK).dueDate()).isEqualTo(ISSUED);
    }

    @ParameterizedTest
    @EnumSource(InvoiceStatus.class)
    void the_constructor_takes_back_the_full_state_of_an_invoice_in_any_status(InvoiceStatus status) {
        var invoice = invoiceIn(status);

        var fromRow = new Invoice(invoice.id(), invoice.number(), invoice.clientId(), invoice.issueDate(),
                invoice.dueDate(), invoice.taxRate(), invoice.lines(), invoice.subtotal(), invoice.tax(),
                invoice.total(), invoice.amountPaid(), invoice.amountCredited(), invoice.status(), invoice.paidDate(), invoice.notes(),
                invoice.purchaseOrder(), invoice.seller(), invoice.buyer(), invoice.version());

        assertThat(fromRow).isEqualTo(invoice);
    }

    @ParameterizedTest(name = "subtotal {0}, tax {1}, total {2}")
    @CsvSource(delimiter = '|', value = {
        "99.99  | 20.00 | 119.99 | invalid invoice: "
                + "subtotal must be the sum of the line amounts, EUR 100.00, was EUR 99.99; "
                + "total must equal subtotal + tax: EUR 120.00, was EUR 119.99",
        "100.00 | 19.99 | 119.99 | invalid invoice: "
                + "tax must equal subtotal x taxRate / 100, rounded half up: EUR 20.00, was EUR 19.99; "
                + "total must equal subtotal + tax: EUR 120.00, was EUR 119.99",
        "100.00 | 20.00 | 120.01 | invalid invoice: total must equal subtotal + tax: EUR 120.00, was EUR 120.01",
    })
    void totals_the_database_would_refuse_are_refused(String subtotal, String tax, String total, String message) {
        assertThatThrownBy(() -> stored(subtotal, tax, total))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} with {1} paid, paid date {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "DRAFT          | 50.00  | none       | amountPaid must be 0 while the invoice is DRAFT, was EUR 50.00",
        "SENT           | 50.00  | none       | amountPaid must be 0 while the invoice is SENT, was EUR 50.00",
        "VIEWED         | 50.00  | none       | amountPaid must be 0 while the invoice is VIEWED, was EUR 50.00",
        "VOID           | 50.00  | none       | amountPaid must be 0 while the invoice is VOID, was EUR 50.00",
        "PARTIALLY_PAID | 0      | none       | amountPaid must be more than 0 and, with EUR 0.00 credited, less than "
                + "the total EUR 120.00 while PARTIALLY_PAID, was EUR 0.00",
        "PARTIALLY_PAID | 120.00 | none       | amountPaid must be more than 0 and, with EUR 0.00 credited, less than "
                + "the total EUR 120.00 while PARTIALLY_PAID, was EUR 120.00",
        "PARTIALLY_PAID | -1.00  | none       | amountPaid must be more than 0 and, with EUR 0.00 credited, less than "
                + "the total EUR 120.00 while PARTIALLY_PAID, was EUR -1.00",
        "PAID           | 100.00 | 2025-03-10 | amountPaid must, with EUR 0.00 credited, cover the total EUR 120.00 "
                + "while PAID, was EUR 100.00",
        "PAID           | 130.00 | 2025-03-10 | amountPaid must be at most the total EUR 120.00, was EUR 130.00",
        "CREDITED       | 0      | none       | amountCredited must be the total EUR 120.00 while CREDITED, was EUR 0.00",
        "PAID           | 120.00 | none       | paidDate is required",
        "SENT           | 0      | 2025-03-10 | paidDate must be absent while the invoice is SENT, "
                + "was 2025-03-10T12:00:00Z",
    })
    void an_amount_paid_or_paid_date_that_does_not_fit_the_status_is_refused(
            InvoiceStatus status, String amountPaid, LocalDate paidOn, String reason) {
        var paidDate = paidOn == null ? null : paidOn.atTime(12, 0).toInstant(ZoneOffset.UTC);

        assertThatThrownBy(() -> stored(status, amountPaid, paidDate))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice: " + reason);
    }

    @Test
    void an_amount_paid_that_fits_the_status_is_accepted() {
        assertThat(stored(InvoiceStatus.PARTIALLY_PAID, "0.01", null).balance()).isEqualTo(Money.of("119.99", EUR));
        assertThat(stored(InvoiceStatus.PAID, "120.00", PAID_AT).balance()).isEqualTo(Money.zero(EUR));
    }

    @Test
    void an_amount_paid_in_another_currency_is_refused() {
        var invoice = draftInvoice();

        var dollars = Money.zero(Currency.getInstance("USD"));

        assertThatThrownBy(() -> new Invoice(invoice.id(), NUMBER, CLIENT, ISSUED, DUE, invoice.taxRate(),
                        invoice.lines(), invoice.subtotal(), invoice.tax(), invoice.total(), dollars, invoice.amountCredited(),
                        InvoiceStatus.DRAFT, null, null, null, null, null, 0))
                .hasMessage("invalid invoice: amountPaid must be in EUR, was USD 0.00");
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceStatus.class, names = {"SENT", "VIEWED", "PARTIALLY_PAID", "PAID"})
    void an_invoice_past_draft_without_lines_is_refused(InvoiceStatus status) {
        var zero = Money.zero(EUR);

        assertThatThrownBy(() -> new Invoice(draftInvoice().id(), NUMBER, CLIENT, ISSUED, DUE, TaxRate.of("20"),
                        List.of(), zero, zero, zero, zero, zero, status, status == InvoiceStatus.PAID ? PAID_AT : null,
                        null, null, null, null, 0))
                .hasMessageContaining("lines must hold at least one line to send the invoice; "
                        + "total must be greater than 0 to send the invoice, was EUR 0.00");
    }

    @Test
    void every_missing_part_of_an_invoice_is_reported_at_once() {
        assertThatThrownBy(() -> new Invoice(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, "P".repeat(101), null, null, -1))
                .hasMessage("invalid invoice: id is required; clientId is required; "
                        + "issueDate is required; dueDate is required; taxRate is required; subtotal is required; "
                        + "lines is required; tax is required; total is required; amountPaid is required; "
                        + "amountCredited is required; status is required; purchaseOrder must be at most 100 characters, was 101; "
                        + "version must be 0 or more, was -1");
    }

    @Test
    void a_due_date_before_the_issue_date_is_refused() {
        var invoice = draftInvoice();

        assertThatThrownBy(() -> new Invoice(invoice.id(), NUMBER, CLIENT, ISSUED, ISSUED.minusDays(1),
                        invoice.taxRate(), invoice.lines(), invoice.subtotal(), invoice.tax(), invoice.total(),
                        invoice.amountPaid(), invoice.amountCredited(), InvoiceStatus.DRAFT, null, null, null, null, null, 0))
                .hasMessage("invalid invoice: dueDate must not be before issueDate 2025-03-01, was 2025-02-28");
    }

    @Test
    void a_line_priced_in_another_currency_is_refused() {
        var invoice = draftInvoice();
        var usd = Currency.getInstance("USD");
        var dollarLine = new LineItem(invoice.lines().getFirst().id(), "Support", Quantity.of("1"),
                Money.of("100", usd), Money.of("100", usd), null);

        assertThatThrownBy(() -> new Invoice(invoice.id(), NUMBER, CLIENT, ISSUED, DUE, invoice.taxRate(),
                        List.of(dollarLine), invoice.subtotal(), invoice.tax(), invoice.total(), invoice.amountPaid(), invoice.amountCredited(),
                        InvoiceStatus.DRAFT, null, null, null, null, null, 0))
                .hasMessage("invalid invoice: lines[0].unitPrice must be in EUR, was USD 100.00");
    }

    @Test
    void an_invoice_keeps_its_own_copy_of_the_lines() {
        assertThatThrownBy(() -> draftInvoice().lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_stored_line_whose_amount_is_not_quantity_times_price_rounded_half_up_is_refused() {
        var id = LineItemId.generate(CLOCK);
        var price = Money.of("0.05", EUR);
        var half = Quantity.of("0.5");

        assertThat(new LineItem(id, "Stamp", half, price, Money.of("0.03", EUR), null).amount())
                .isEqualTo(Money.of("0.03", EUR));
        assertThatThrownBy(() -> new LineItem(id, "Stamp", half, price, Money.of("0.02", EUR), null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice line: amount must equal quantity x unitPrice, rounded half up to the "
                        + "currency: EUR 0.03, was EUR 0.02");
        assertThatThrownBy(() -> new LineItem(null, " ", null, null, null, null))
                .hasMessage("invalid invoice line: id is required; description must be 1 to 1000 characters, not "
                        + "blank, was blank; quantity is required; "
                        + "unitPrice is required; amount is required");
    }
}
