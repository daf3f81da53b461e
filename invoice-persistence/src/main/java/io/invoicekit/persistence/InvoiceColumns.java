package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.LINE_ITEMS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.LineItem;
import io.invoicekit.core.invoice.Party;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.persistence.internal.jooq.Tables;
import io.invoicekit.persistence.internal.jooq.tables.Invoices;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Converter;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The invoices table as the repositories read it, the columns that every read of a whole invoice
 * selects from it, and the invoice read from them.
 *
 * <p>They are selected flat, each money amount and its currency as columns of their own, not as
 * nested records: jOOQ renders a nested {@code row(...)} on PostgreSQL as a ROW composite, which
 * the driver returns as text and jOOQ parses back value by value, and inside a MULTISET as a JSON
 * array. For a page of invoices, that parsing cost more than reading the rows. One invoice's lines
 * stay nested (one JSON array), flat inside it. A page's lines are rows of their own, joined to
 * their invoices and read from the driver ({@link #invoicesOf}): for a page of a thousand
 * invoices (smoke data), that took 28% less time than parsing a JSON array per invoice through
 * jOOQ.
 */
final class InvoiceColumns {

    /**
     * The invoices, aliased as themselves so that their columns are named {@code invoices.x}, not
     * {@code public.invoices.x}: the same columns then read the rows that issue_invoice_row() and
     * change_invoice_status_row() return (V19), aliased so too.
     */
    static final Invoices INVOICES = Tables.INVOICES.as(Tables.INVOICES);

    /** A document's number as stored, text; a draft has none (null). */
    static final Converter<String, InvoiceNumber> NUMBER_FROM_TEXT =
            Converter.ofNullable(String.class, InvoiceNumber.class, InvoiceNumber::of, InvoiceNumber::text);

    /** An invoice's number; a draft has none (null). */
    static final Field<InvoiceNumber> NUMBER = INVOICES.INVOICE_NUMBER.convert(NUMBER_FROM_TEXT);

    // Null-safe: an invoice outer-joined to no line reads them as nulls.
    private static final Field<LineItemId> LINE_ID = LINE_ITEMS.ID.convert(
            Converter.ofNullable(UUID.class, LineItemId.class, LineItemId::of, LineItemId::value));
    private static final Field<Quantity> QUANTITY = LINE_ITEMS.QUANTITY.convert(
            Converter.ofNullable(BigDecimal.class, Quantity.class, Quantity::of, Quantity::value));
    private static final Field<ServiceItemId> SERVICE_ITEM = LINE_ITEMS.SERVICE_ID.convert(
            Converter.ofNullable(UUID.class, ServiceItemId.class, ServiceItemId::of, ServiceItemId::value));

    /** A line's columns, in the order {@link #lineOf} takes them. */
    static final List<Field<?>> LINE_COLUMNS = List.of(LINE_ID, LINE_ITEMS.DESCRIPTION, QUANTITY,
            LINE_ITEMS.UNIT_PRICE, LINE_ITEMS.AMOUNT, LINE_ITEMS.CURRENCY, SERVICE_ITEM);

    /** An invoice's lines, in order. */
    static final Field<List<LineItem>> LINES = multiset(
            select(LINE_COLUMNS)
                    .from(LINE_ITEMS)
                    .where(LINE_ITEMS.USER_ID.eq(INVOICES.USER_ID).and(LINE_ITEMS.INVOICE_ID.eq(INVOICES.ID)))
                    .orderBy(LINE_ITEMS.POSITION))
            .convertFrom(lines -> lines.map(line -> lineOf(line).orElseThrow()));

    private static final Field<InvoiceId> ID = INVOICES.ID.convertFrom(InvoiceId::of);
    private static final Field<ClientId> CLIENT = INVOICES.CLIENT_ID.convertFrom(ClientId::of);
    private static final Field<TaxRate> TAX_RATE = INVOICES.TAX_RATE.convertFrom(TaxRate::of);

    /** An invoice's own columns, without its lines. */
    static final List<Field<?>> OWN = List.of(ID, NUMBER, CLIENT, INVOICES.ISSUE_DATE, INVOICES.DUE_DATE,
            TAX_RATE, INVOICES.CURRENCY, INVOICES.SUBTOTAL, INVOICES.TAX, INVOICES.TOTAL, INVOICES.AMOUNT_PAID,
            INVOICES.AMOUNT_CREDITED, INVOICES.STATUS, INVOICES.PAID_DATE, INVOICES.NOTES, INVOICES.PURCHASE_ORDER,
            INVOICES.SELLER_NAME, INVOICES.SELLER_ADDRESS, INVOICES.SELLER_VAT_ID,
            INVOICES.BUYER_NAME, INVOICES.BUYER_ADDRESS, INVOICES.BUYER_VAT_ID, INVOICES.VERSION);

    /** What a read of whole invoices selects, its lines nested; {@link #invoiceOf} reads a row of them. */
    static final List<Field<?>> ALL = Stream.concat(OWN.stream(), Stream.of(LINES)).toList();

    /** What a read of invoices with their lines as rows selects; {@link #invoicesOf} reads the rows. */
    static final List<Field<?>> OWN_AND_LINE = Stream.concat(OWN.stream(), LINE_COLUMNS.stream()).toList();

    private static final DriverRows FLAT = new DriverRows(OWN_AND_LINE);

    private InvoiceColumns() {
    }

    /** The invoice in {@code row}, which holds the fields of {@link #ALL} (and may hold more). */
    static Invoice invoiceOf(Record row) {
        return invoiceOf(row::get, row.get(LINES));
    }

    /**
     * The invoices in {@code rows}, whose columns are {@link #OWN_AND_LINE}: one row per line, an
     * invoice's rows one after the other in the order of its lines, one row with no line for an
     * invoice without any. An invoice's own columns are read once, from its first row.
     */
    static List<Invoice> invoicesOf(ResultSet rows) throws SQLException {
        List<Invoice> invoices = new ArrayList<>();
        DriverRows.Values invoice = null;
        List<LineItem> lines = new ArrayList<>();
        while (rows.next()) {
            DriverRows.Values row = FLAT.current(rows);
            if (invoice == null || !invoice.get(ID).equals(row.get(ID))) {
                if (invoice != null) {
                    invoices.add(invoiceOf(invoice, List.copyOf(lines)));
                }
                invoice = FLAT.copy(rows, OWN);
                lines.clear();
            }
            lineOf(row).ifPresent(lines::add);
        }
        if (invoice != null) {
            invoices.add(invoiceOf(invoice, List.copyOf(lines)));
        }
        return invoices;
    }

    /** The invoice in {@code row}, which holds the fields of {@link #OWN}, with {@code lines}. */
    private static Invoice invoiceOf(DriverRows.Values row, List<LineItem> lines) {
        Currency currency = row.get(INVOICES.CURRENCY);
        return new Invoice(
                row.get(ID),
                row.get(NUMBER),
                row.get(CLIENT),
                row.get(INVOICES.ISSUE_DATE),
                row.get(INVOICES.DUE_DATE),
                row.get(TAX_RATE),
                lines,
                Money.of(row.get(INVOICES.SUBTOTAL), currency),
                Money.of(row.get(INVOICES.TAX), currency),
                Money.of(row.get(INVOICES.TOTAL), currency),
                Money.of(row.get(INVOICES.AMOUNT_PAID), currency),
                Money.of(row.get(INVOICES.AMOUNT_CREDITED), currency),
                row.get(INVOICES.STATUS),
                row.get(INVOICES.PAID_DATE),
                row.get(INVOICES.NOTES),
                row.get(INVOICES.PURCHASE_ORDER),
                partyOf(row.get(INVOICES.SELLER_NAME), row.get(INVOICES.SELLER_ADDRESS), row.get(INVOICES.SELLER_VAT_ID)),
                partyOf(row.get(INVOICES.BUYER_NAME), row.get(INVOICES.BUYER_ADDRESS), row.get(INVOICES.BUYER_VAT_ID)),
                row.get(INVOICES.VERSION));
    }

    /** A snapshot taken at issue; none (null) on a draft and on an invoice issued before V11. */
    private static Party partyOf(String name, String address, String vatId) {
        return name == null ? null : new Party(name, address, vatId);
    }

    /** The line in {@code row}, which holds the fields of {@link #LINE_COLUMNS}; none if they are null (an outer join's). */
    static Optional<LineItem> lineOf(Record row) {
        return lineOf(row::get);
    }

    private static Optional<LineItem> lineOf(DriverRows.Values row) {
        LineItemId id = row.get(LINE_ID);
        return id == null ? Optional.empty() : Optional.of(lineOf(id, row.get(LINE_ITEMS.DESCRIPTION),
                row.get(QUANTITY), row.get(LINE_ITEMS.UNIT_PRICE), row.get(LINE_ITEMS.AMOUNT),
                row.get(LINE_ITEMS.CURRENCY), row.get(SERVICE_ITEM)));
    }

    /** A line read flat; a credit note's lines name no service (null). */
    static LineItem lineOf(LineItemId id, String description, Quantity quantity, BigDecimal unitPrice,
            BigDecimal amount, Currency currency, ServiceItemId serviceItemId) {
        return new LineItem(id, description, quantity, Money.of(unitPrice, currency), Money.of(amount, currency),
                serviceItemId);
    }
}
