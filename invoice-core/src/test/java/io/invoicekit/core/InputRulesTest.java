package io.invoicekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.payment.Refund;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.tenant.TenantRegistration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What reaches the database from every value type a service makes, input class by input class:
 * texts with a NUL or half a character, amounts beyond numeric(12,2), dates outside the years 1 to
 * 9999, white space in an email, and nulls. Each is refused with a {@link ValidationException}
 * naming the field, never stored changed and never a {@link NullPointerException}. That the
 * database refuses the same with the same words is InputRulesAgreementTest's (invoice-persistence).
 */
class InputRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final Money TEN = Money.of("10.00", EUR);

    /** One text field of one value type, made with the text given and everything else valid. */
    record TextField(String name, String field, Function<String, Object> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<TextField> textFields() {
        return Stream.of(
                new TextField("client name", "name", text -> client(text, "ana@example.com", null, null)),
                new TextField("client email", "email", text -> client("Acme", text, null, null)),
                new TextField("client address", "address", text -> client("Acme", "ana@example.com", text, null)),
                new TextField("client tax id", "taxId", text -> client("Acme", "ana@example.com", null, text)),
                new TextField("tenant name", "name", text -> new TenantRegistration(tenant(), text, "a@b.co")),
                new TextField("tenant email", "email", text -> new TenantRegistration(tenant(), "T", text)),
                new TextField("catalog item name", "name", text -> item(text, null)),
                new TextField("catalog item description", "description", text -> item("Hosting", text)),
                new TextField("line description", "description", text -> line(text)),
                new TextField("invoice notes", "notes", text -> draft(text, null)),
                new TextField("purchase order", "purchaseOrder", text -> draft(null, text)),
                new TextField("credit note reason", "reason",
                        text -> new CreditNoteDraft(InvoiceId.generate(CLOCK), text, List.of(line("Refund")))),
                new TextField("party name", "name", text -> new Party(text, null, null)),
                new TextField("party address", "address", text -> new Party("Acme", text, null)),
                new TextField("party VAT id", "vatId", text -> new Party("Acme", null, text)),
                new TextField("series name", "name", text -> series(text, "INV-", "{prefix}{seq}")),
                new TextField("series prefix", "prefix", text -> series("Invoices", text, "{prefix}{seq}")),
                new TextField("number pattern", "pattern", text -> NumberPattern.of(text + "{seq}")),
                new TextField("payment transaction id", "transactionId", text -> payment(TEN, TODAY, text, null)),
                new TextField("payment notes", "notes", text -> payment(TEN, TODAY, null, text)),
                new TextField("refund transaction id", "transactionId", text -> refund(TEN, TODAY, text)),
                new TextField("invoice number", "invoiceNumber", text -> InvoiceNumber.of("INV-" + text)));
    }

    @ParameterizedTest
    @MethodSource("textFields")
    void every_text_field_takes_whole_characters_of_any_plane(TextField text) {
        // The email and number pattern fields need their shape around the characters.
        String sample = switch (text.field()) {
            case "email" -> "caf\u00e9\uD83D\uDCB6@example.com";
            default -> "Caf\u00e9 \uD83D\uDCB6";
        };

        assertThatCode(() -> text.make().apply(sample)).doesNotThrowAnyException();
    }

    /** PostgreSQL refuses a NUL in any text with SQLSTATE 22021: Java first, naming the field. */
    @ParameterizedTest
    @MethodSource("textFields")
    void every_text_field_refuses_a_nul_character(TextField text) {
        assertThat(violationsOf(() -> text.make().apply(text.field().equals("email") ? "a\u0000@b.co" : "a\u0000b")))
                .filteredOn(violation -> violation.field().equals(text.field()))
                .extracting(Violation::rule)
                .containsExactly("noNul");
    }

    /** The driver would store half a character as "?", and the database hand back the "?". */
    @ParameterizedTest
    @MethodSource("textFields")
    void every_text_field_refuses_half_a_character(TextField text) {
        for (String half : List.of("\uD83D", "\uDCB6", "\uDCB6\uD83D")) {
            String value = text.field().equals("email") ? "a" + half + "@b.co" : "a" + half;

            assertThat(violationsOf(() -> text.make().apply(value)))
                    .filteredOn(violation -> violation.field().equals(text.field()))
                    .extracting(Violation::rule)
                    .containsExactly("wholeCharacters");
        }
    }

    @Test
    void an_amount_the_database_stores_is_below_ten_to_the_ten_whatever_made_it() {
        Money largest = Money.of("9999999999.99", EUR);
        Money tooLarge = Money.of("10000000000.00", EUR);

        assertThatCode(() -> payment(largest, TODAY, null, null)).doesNotThrowAnyException();
        assertThat(violationsOf(() -> payment(tooLarge, TODAY, null, null))).containsExactly(new Violation("amount",
                "storable", "must be less than 10000000000 in absolute value, was EUR 10000000000.00"));
        assertThat(violationsOf(() -> refund(tooLarge, TODAY, null))).extracting(Violation::field)
                .containsExactly("amount");
        assertThat(violationsOf(() -> ServiceItem.create(ServiceItemId.generate(CLOCK), "Hosting", null, tooLarge,
                TaxRate.of("0")))).extracting(Violation::field).containsExactly("unitPrice");
        // Each factor fits, their product does not: the line's amount is what the database would refuse.
        assertThat(violationsOf(() -> new LineDraft("Hosting", Quantity.of("2"), largest, null)))
                .extracting(Violation::field).containsExactly("amount");
        assertThat(violationsOf(() -> new LineDraft("Hosting", Quantity.of("999999999.999"), Money.of("100.00", EUR),
                null))).extracting(Violation::field).containsExactly("amount");
    }

    @Test
    void a_currency_of_three_minor_units_is_no_currency_a_document_is_stored_in() {
        Currency dinar = Currency.getInstance("BHD");
        String words = "must be an ISO 4217 code with at most 2 minor units, was BHD";

        assertThat(violationsOf(() -> InvoiceDraft.builder(dinar).client(ClientId.generate(CLOCK)).issuedOn(TODAY)
                .taxRate(BigDecimal.TEN).build())).containsExactly(new Violation("currency", "supported", words));
        assertThat(violationsOf(() -> ServiceItem.create(ServiceItemId.generate(CLOCK), "Hosting", null,
                Money.of("1.000", dinar), TaxRate.of("0")))).containsExactly(new Violation("currency", "supported", words));
    }

    /** java.time's year 0 is 1 BC, which the driver stores as BC and reads back as AD. */
    @Test
    void every_date_is_of_the_years_1_to_9999() {
        var days = List.of(LocalDate.of(0, 12, 31), LocalDate.of(-44, 3, 15), LocalDate.of(10_000, 1, 1),
                LocalDate.of(5_874_898, 1, 1), LocalDate.MIN, LocalDate.MAX);
        for (LocalDate day : days) {
            String words = "must be between 0001-01-01 and 9999-12-31, was " + day;

            assertThat(violationsOf(() -> payment(TEN, day, null, null)))
                    .containsExactly(new Violation("paymentDate", "dateRange", words));
            assertThat(violationsOf(() -> refund(TEN, day, null)))
                    .containsExactly(new Violation("refundDate", "dateRange", words));
            assertThat(violationsOf(() -> InvoiceDraft.builder(EUR).client(ClientId.generate(CLOCK)).issuedOn(day)
                    .taxRate(BigDecimal.TEN).build())).contains(new Violation("issueDate", "dateRange", words));
            assertThat(violationsOf(() -> InvoiceDraft.builder(EUR).client(ClientId.generate(CLOCK)).issuedOn(TODAY)
                    .dueOn(day).taxRate(BigDecimal.TEN).build())).contains(new Violation("dueDate", "dateRange", words));
        }
        assertThatCode(() -> payment(TEN, LocalDate.of(1, 1, 1), null, null)).doesNotThrowAnyException();
        assertThatCode(() -> payment(TEN, LocalDate.of(9999, 12, 31), null, null)).doesNotThrowAnyException();
    }

    @Test
    void a_due_date_the_client_terms_push_past_9999_is_refused_when_the_invoice_is_made() {
        InvoiceDraft lateInTime = InvoiceDraft.builder(EUR).client(ClientId.generate(CLOCK))
                .issuedOn(LocalDate.of(9999, 12, 15)).taxRate(BigDecimal.TEN).build();

        assertThat(violationsOf(() -> Invoice.create(InvoiceId.generate(CLOCK), lateInTime, PaymentTerms.ofDays(30), CLOCK)))
                .containsExactly(new Violation("dueDate", "dateRange",
                        "must be between 0001-01-01 and 9999-12-31, was +10000-01-14"));
    }

    /** Java's \s alone took U+2003 inside an address, which the database refused with another rule's words. */
    @Test
    void an_email_with_white_space_inside_is_refused_for_clients_and_tenants_alike() {
        String words = "must be an address like ana@example.com: one @, a dot after it, no white space, "
                + "at most 254 characters, was \"ana\u2003x@example.com\"";

        assertThat(violationsOf(() -> client("Acme", "ana\u2003x@example.com", null, null)))
                .containsExactly(new Violation("email", "format", words));
        assertThat(violationsOf(() -> new TenantRegistration(tenant(), "Acme", "ana\u2003x@example.com")))
                .containsExactly(new Violation("email", "format", words));
    }

    /** One public factory a service calls with what it was given, and the field a null there is. */
    record NullInput(String name, String field, Supplier<Object> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<NullInput> nullInputs() {
        return Stream.of(
                new NullInput("TenantId.of", "tenantId", () -> TenantId.of(null)),
                new NullInput("TenantId.parse", "tenantId", () -> TenantId.parse(null)),
                new NullInput("ClientId.of", "clientId", () -> ClientId.of(null)),
                new NullInput("InvoiceId.of", "invoiceId", () -> InvoiceId.of(null)),
                new NullInput("CreditNoteId.parse", "creditNoteId", () -> CreditNoteId.parse(null)),
                new NullInput("SeriesId.of", "seriesId", () -> SeriesId.of(null)),
                new NullInput("Money.of amount", "amount", () -> Money.of((String) null, EUR)),
                new NullInput("Money.of currency", "currency", () -> Money.of("1.00", null)),
                new NullInput("Quantity.of", "quantity", () -> Quantity.of((String) null)),
                new NullInput("TaxRate.of", "taxRate", () -> TaxRate.of((BigDecimal) null)),
                new NullInput("tenant registration", "id", () -> new TenantRegistration(null, "T", "a@b.co")),
                new NullInput("tenant registration name", "name", () -> new TenantRegistration(tenant(), null, "a@b.co")),
                new NullInput("tenant registration email", "email", () -> new TenantRegistration(tenant(), "T", null)),
                new NullInput("client name", "name", () -> client(null, "ana@example.com", null, null)),
                new NullInput("client email", "email", () -> client("Acme", null, null, null)),
                new NullInput("client terms", "paymentTerms", () -> Client.create(ClientId.generate(CLOCK), "Acme",
                        "ana@example.com", null, null, null)),
                new NullInput("catalog item price", "unitPrice", () -> ServiceItem.create(ServiceItemId.generate(CLOCK),
                        "Hosting", null, null, TaxRate.of("0"))),
                new NullInput("draft builder currency", "currency", () -> InvoiceDraft.builder(null)),
                new NullInput("draft builder catalog line", "lines[0]", () -> InvoiceDraft.builder(EUR)
                        .client(ClientId.generate(CLOCK)).issuedOn(TODAY).taxRate(BigDecimal.TEN)
                        .line((ServiceItem) null, BigDecimal.ONE).build()),
                new NullInput("draft issue date", "issueDate", () -> InvoiceDraft.builder(EUR)
                        .client(ClientId.generate(CLOCK)).taxRate(BigDecimal.TEN).build()),
                new NullInput("line for a catalog item", "item", () -> LineDraft.forItem(null, Quantity.of("1"))),
                new NullInput("line quantity", "quantity", () -> new LineDraft("Hosting", null, TEN, null)),
                new NullInput("invoice from a draft", "draft", () -> Invoice.create(InvoiceId.generate(CLOCK), null,
                        PaymentTerms.DEFAULT, CLOCK)),
                new NullInput("credit note in full", "invoice", () -> CreditNoteDraft.inFull(null, "Ordered twice")),
                new NullInput("credit note reason", "reason", () -> new CreditNoteDraft(InvoiceId.generate(CLOCK), null,
                        List.of(line("Refund")))),
                new NullInput("payment method", "method", () -> Payment.pending(PaymentId.generate(CLOCK),
                        InvoiceId.generate(CLOCK), TEN, null, TODAY, null, null)),
                new NullInput("payment date", "paymentDate", () -> payment(TEN, null, null, null)),
                new NullInput("refund date", "refundDate", () -> refund(TEN, null, null)),
                new NullInput("series pattern", "pattern", () -> NumberingSeries.create(SeriesId.generate(CLOCK),
                        DocumentKind.INVOICE, "Invoices", "INV-", null, ResetPeriod.NEVER, false)),
                new NullInput("series prefix", "prefix", () -> series("Invoices", null, "{seq}")),
                new NullInput("number pattern", "pattern", () -> NumberPattern.of(null)),
                new NullInput("party name", "name", () -> new Party(null, null, null)),
                new NullInput("invoice number", "invoiceNumber", () -> InvoiceNumber.of(null)));
    }

    @ParameterizedTest
    @MethodSource("nullInputs")
    void a_null_is_refused_as_a_required_field_never_with_a_null_pointer(NullInput input) {
        assertThat(violationsOf(input.make())).contains(new Violation(input.field(), "required", "is required"));
    }

    private static List<Violation> violationsOf(Supplier<?> make) {
        Throwable thrown = catchThrowable(make::get);
        assertThat(thrown).as("what was refused").isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).violations();
    }

    private static TenantId tenant() {
        return TenantId.generate(CLOCK);
    }

    private static Client client(String name, String email, String address, String taxId) {
        return Client.create(ClientId.generate(CLOCK), name, email, PaymentTerms.DEFAULT, address, taxId);
    }

    private static ServiceItem item(String name, String description) {
        return ServiceItem.create(ServiceItemId.generate(CLOCK), name, description, TEN, TaxRate.of("20"));
    }

    private static LineDraft line(String description) {
        return new LineDraft(description, Quantity.of("1"), TEN, null);
    }

    private static InvoiceDraft draft(String notes, String purchaseOrder) {
        return InvoiceDraft.builder(EUR).client(ClientId.generate(CLOCK)).issuedOn(TODAY).taxRate(BigDecimal.TEN)
                .line("Hosting", BigDecimal.ONE, BigDecimal.TEN).notes(notes).purchaseOrder(purchaseOrder).build();
    }

    private static NumberingSeries series(String name, String prefix, String pattern) {
        return NumberingSeries.create(SeriesId.generate(CLOCK), DocumentKind.INVOICE, name, prefix,
                NumberPattern.of(pattern), ResetPeriod.NEVER, false);
    }

    private static Payment payment(Money amount, LocalDate date, String transactionId, String notes) {
        return new Payment(PaymentId.generate(CLOCK), InvoiceId.generate(CLOCK), amount, PaymentMethod.CARD,
                PaymentStatus.PENDING, date, transactionId, notes, 0);
    }

    private static Refund refund(Money amount, LocalDate date, String transactionId) {
        return new Refund(RefundId.generate(CLOCK), CreditNoteId.generate(CLOCK), InvoiceId.generate(CLOCK), amount,
                PaymentMethod.CARD, date, transactionId);
    }
}
