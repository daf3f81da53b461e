package io.invoicekit.persistence;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.invoice.LineItem;
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
import io.invoicekit.core.tenant.LineItemId;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tenant tables the application writes, each as a row of valid input in the database's own
 * values (text, numbers, dates, ids; as the application login inserts them) and as the value Java
 * makes of that row before anything is stored, so that one row can be fed to both. A row differs
 * from its valid one in the columns a case sets; every input column is read into Java, so that a
 * column left out of Java shows as a disagreement.
 */
final class InputTables {

    /** What the rows refer to: one tenant's client, invoices and credit notes, made through the store. */
    record Documents(TenantId tenant, UUID client, UUID draftInvoice, UUID issuedInvoice, UUID draftCreditNote,
                     UUID refundableInvoice, UUID issuedCreditNote) {

        /**
         * A draft and an issued invoice (EUR 155.99 each), a draft credit note of the issued one,
         * and an invoice paid in full then credited EUR 12.00, which may refund up to that.
         */
        static Documents arrange(StoreFixture fixture) {
            InvoiceStore store = fixture.store;
            TenantId tenant = fixture.newTenant();
            ClientId client = fixture.newClient(tenant, 30);
            Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(fixture.draft(client)));
            Invoice issued = fixture.sentInvoice(tenant, client);
            Invoice refundable = fixture.sentInvoice(tenant, client);
            List<LineDraft> discount = List.of(new LineDraft("Discount", Quantity.of("1"),
                    Money.of("10.00", StoreFixture.EUR), null));
            return store.inTenant(tenant, tx -> {
                CreditNote draftNote = tx.creditNotes().createDraft(new CreditNoteDraft(issued.id(), "Discount", discount));
                tx.payments().record(Payment.pending(PaymentId.generate(fixture.clock), refundable.id(),
                        refundable.total(), PaymentMethod.CARD, StoreFixture.TODAY, null, null).complete());
                CreditNote credit = tx.creditNotes().createDraft(new CreditNoteDraft(refundable.id(), "Discount", discount));
                CreditNote issuedNote = tx.creditNotes().issue(credit.id(), credit.version());
                return new Documents(tenant, client.value(), draft.id().value(), issued.id().value(),
                        draftNote.id().value(), refundable.id().value(), issuedNote.id().value());
            });
        }
    }

    /**
     * One table: its valid row (with a new id each time) and the Java value made of a row.
     *
     * @param ownTenant whether the row is a tenant itself (users), written for its own id
     */
    record InputTable(String name, boolean ownTenant, Function<Documents, Map<String, Object>> valid,
                      Function<Row, Object> java) {
    }

    static final List<InputTable> ALL = List.of(
            new InputTable("users", true, d -> row("id", UUID.randomUUID(), "name", "Tenant", "email", "owner@example.com",
                    "legal_name", null, "address", null, "vat_id", null), InputTables::tenant),
            new InputTable("clients", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "name", "Acme", "email", "billing@acme.example", "payment_terms_days", 30, "address", null,
                    "tax_id", null, "version", 0L), InputTables::client),
            new InputTable("services", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "name", "Hosting", "description", null, "unit_price", new BigDecimal("10.00"), "currency", "EUR",
                    "default_tax_rate", new BigDecimal("20.00"), "active", true, "version", 0L), InputTables::service),
            new InputTable("invoices", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "client_id", d.client(), "currency", "EUR", "issue_date", StoreFixture.TODAY,
                    "due_date", StoreFixture.TODAY.plusDays(30), "tax_rate", new BigDecimal("20.00"),
                    "subtotal", new BigDecimal("100.00"), "tax", new BigDecimal("20.00"), "total", new BigDecimal("120.00"),
                    "notes", null, "purchase_order", null, "version", 0L), InputTables::invoice),
            new InputTable("line_items", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "invoice_id", d.draftInvoice(), "currency", "EUR", "position", 99, "service_id", null,
                    "description", "Line", "quantity", new BigDecimal("1.500"), "unit_price", new BigDecimal("19.99"),
                    "amount", new BigDecimal("29.99")), InputTables::line),
            new InputTable("credit_notes", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "invoice_id", d.issuedInvoice(), "currency", "EUR", "reason", "Discount", "version", 0L),
                    InputTables::creditNote),
            new InputTable("credit_note_lines", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "credit_note_id", d.draftCreditNote(), "currency", "EUR", "position", 99, "description", "Line",
                    "quantity", new BigDecimal("1.500"), "unit_price", new BigDecimal("19.99"),
                    "amount", new BigDecimal("29.99")), InputTables::line),
            new InputTable("payments", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "invoice_id", d.issuedInvoice(), "currency", "EUR", "amount", new BigDecimal("1.00"), "method", "card",
                    "status", "pending", "payment_date", StoreFixture.TODAY, "transaction_id", null, "notes", null),
                    InputTables::payment),
            new InputTable("refunds", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "credit_note_id", d.issuedCreditNote(), "invoice_id", d.refundableInvoice(), "currency", "EUR",
                    "amount", new BigDecimal("1.00"), "method", "card", "refund_date", StoreFixture.TODAY,
                    "transaction_id", null), InputTables::refund),
            new InputTable("invoice_series", false, d -> row("user_id", d.tenant().value(), "id", UUID.randomUUID(),
                    "document_kind", "invoice", "name", "Series", "prefix", "S-", "pattern", "{prefix}{seq:6}",
                    "reset_period", "never", "is_default", false, "version", 0L), InputTables::series));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T09:00:00Z"), ZoneOffset.UTC);

    private InputTables() {
    }

    static InputTable named(String table) {
        return ALL.stream().filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input table " + table));
    }

    /** A row of column-value pairs, in order; values may be null. */
    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /** What Java refuses of {@code row} of {@code table}: nothing if it makes the value. */
    static List<Violation> javaRefuses(InputTable table, Map<String, Object> row) {
        try {
            table.java().apply(new Row(row));
            return List.of();
        } catch (ValidationException refused) {
            return refused.violations();
        }
    }

    /** A row's values read as Java reads what a service gives: null stays null for the type to refuse. */
    record Row(Map<String, Object> values) {

        String text(String column) {
            return (String) values.get(column);
        }

        UUID uuid(String column) {
            return (UUID) values.get(column);
        }

        LocalDate date(String column) {
            return (LocalDate) values.get(column);
        }

        BigDecimal decimal(String column) {
            return (BigDecimal) values.get(column);
        }

        Money money(String column) {
            BigDecimal amount = decimal(column);
            String code = text("currency");
            return amount == null ? null : Money.of(amount, code == null ? null : Currency.getInstance(code));
        }

        Quantity quantity() {
            return decimal("quantity") == null ? null : Quantity.of(decimal("quantity"));
        }

        TaxRate taxRate(String column) {
            return decimal(column) == null ? null : TaxRate.of(decimal(column));
        }

        <E extends Enum<E>> E stored(String column, Class<E> type) {
            return text(column) == null ? null : Enum.valueOf(type, text(column).toUpperCase(Locale.ROOT));
        }

        boolean flag(String column) {
            return Boolean.TRUE.equals(values.get(column));
        }
    }

    /** Registering (name, email), and the seller's legal details when any is given (TenantProfile.updateSeller). */
    private static Object tenant(Row row) {
        var registration = new TenantRegistration(TenantId.of(row.uuid("id")), row.text("name"), row.text("email"));
        if (row.text("legal_name") == null && row.text("address") == null && row.text("vat_id") == null) {
            return registration;
        }
        return List.of(registration, new Party(row.text("legal_name"), row.text("address"), row.text("vat_id")));
    }

    private static Object client(Row row) {
        Integer days = (Integer) row.values().get("payment_terms_days");
        return Client.create(ClientId.of(row.uuid("id")), row.text("name"), row.text("email"),
                days == null ? null : PaymentTerms.ofDays(days), row.text("address"), row.text("tax_id"));
    }

    private static Object service(Row row) {
        return new ServiceItem(ServiceItemId.of(row.uuid("id")), row.text("name"), row.text("description"),
                row.money("unit_price"), row.taxRate("default_tax_rate"), row.flag("active"), 0);
    }

    /** A draft with the row's header; its lines are one line of the subtotal, or none for a subtotal of 0 or less. */
    private static Object invoice(Row row) {
        Money subtotal = row.money("subtotal");
        List<LineItem> lines = subtotal == null || !subtotal.isPositive() ? List.of()
                : List.of(new LineItem(LineItemId.of(UUID.randomUUID()), "Line", Quantity.of("1"), subtotal, subtotal, null));
        Money zero = subtotal == null ? null : Money.zero(subtotal.currency());
        return new Invoice(InvoiceId.of(row.uuid("id")), null, ClientId.of(row.uuid("client_id")), row.date("issue_date"),
                row.date("due_date"), row.taxRate("tax_rate"), lines, subtotal, row.money("tax"), row.money("total"),
                zero, zero, InvoiceStatus.DRAFT, null, row.text("notes"), row.text("purchase_order"), null, null, 0);
    }

    /** An invoice's line or a credit note's: the same value type. */
    private static Object line(Row row) {
        UUID service = row.uuid("service_id");
        return new LineItem(LineItemId.of(row.uuid("id")), row.text("description"), row.quantity(),
                row.money("unit_price"), row.money("amount"), service == null ? null : ServiceItemId.of(service));
    }

    /** A draft as the repository makes it of what the service gives, with the row's id. */
    private static Object creditNote(Row row) {
        var line = new LineDraft("Discount", Quantity.of("1"), Money.of("1.00", StoreFixture.EUR), null);
        var draft = new CreditNoteDraft(InvoiceId.of(row.uuid("invoice_id")), row.text("reason"), List.of(line));
        return CreditNote.draft(CreditNoteId.of(row.uuid("id")), draft, CLOCK);
    }

    private static Object payment(Row row) {
        return new Payment(PaymentId.of(row.uuid("id")), InvoiceId.of(row.uuid("invoice_id")), row.money("amount"),
                row.stored("method", PaymentMethod.class), row.stored("status", PaymentStatus.class),
                row.date("payment_date"), row.text("transaction_id"), row.text("notes"), 0);
    }

    private static Object refund(Row row) {
        return new Refund(RefundId.of(row.uuid("id")), CreditNoteId.of(row.uuid("credit_note_id")),
                InvoiceId.of(row.uuid("invoice_id")), row.money("amount"), row.stored("method", PaymentMethod.class),
                row.date("refund_date"), row.text("transaction_id"));
    }

    private static Object series(Row row) {
        return NumberingSeries.create(SeriesId.of(row.uuid("id")), row.stored("document_kind", DocumentKind.class),
                row.text("name"), row.text("prefix"), row.text("pattern") == null ? null : NumberPattern.of(row.text("pattern")),
                row.stored("reset_period", ResetPeriod.class), row.flag("is_default"));
    }
}
