package io.invoicekit.persistence;

import static io.invoicekit.persistence.InvoiceColumns.INVOICES;
import static io.invoicekit.persistence.InvoiceColumns.NUMBER;
import static io.invoicekit.persistence.internal.jooq.Tables.CLIENTS;
import static io.invoicekit.persistence.internal.jooq.Tables.LINE_ITEMS;
import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.queries;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.InvoiceSummary;
import io.invoicekit.core.invoice.InvoiceTotals;
import io.invoicekit.core.invoice.LineItem;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.persistence.internal.jooq.Tables;
import io.invoicekit.persistence.internal.jooq.tables.Invoices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;

/**
 * A tenant's invoices with their line items. Obtained from {@link TenantTransaction#invoices()};
 * valid only inside that transaction, so a number given here is returned if it rolls back.
 */
public final class InvoiceRepository {

    /**
     * Whom an invoice bills, as its document says: the buyer's name taken at issue; the client's
     * current name only where none was taken (drafts, invoices issued before V11). COALESCE runs
     * the subquery only for a row whose buyer_name is null, so issued rows cost no lookup.
     */
    private static final Field<String> CLIENT_NAME = coalesce(INVOICES.BUYER_NAME, field(select(CLIENTS.NAME)
            .from(CLIENTS)
            .where(CLIENTS.USER_ID.eq(INVOICES.USER_ID).and(CLIENTS.ID.eq(INVOICES.CLIENT_ID)))));

    /** What {@link #summaries} selects; {@link #summaryOf} reads a row of it. */
    private static final List<Field<?>> SUMMARY_COLUMNS = List.of(INVOICES.ID, NUMBER,
            INVOICES.CLIENT_ID, CLIENT_NAME, INVOICES.ISSUE_DATE, INVOICES.DUE_DATE, INVOICES.CURRENCY, INVOICES.TOTAL,
            INVOICES.AMOUNT_PAID, INVOICES.AMOUNT_CREDITED, INVOICES.STATUS, INVOICES.VERSION);

    private static final DriverRows SUMMARY_ROWS = new DriverRows(SUMMARY_COLUMNS);

    /**
     * The order of every list: newest issue date first, ties by id, the order of the tenant-leading
     * (issue_date DESC, id DESC) indexes, so that a page is read in index order without a sort.
     */
    private static final List<SortField<?>> NEWEST_FIRST = List.of(INVOICES.ISSUE_DATE.desc(), INVOICES.ID.desc());

    /** The lines of a list's page: its invoices in their order, each one's lines in theirs. */
    private static final List<SortField<?>> LINES_IN_ORDER = Stream.concat(NEWEST_FIRST.stream(),
            Stream.of(LINE_ITEMS.POSITION.asc())).toList();

    /**
     * Whether the row a locking statement read is the one its snapshot sees: false when a
     * transaction that held the lock changed it meanwhile (see {@link #lock(InvoiceId, Field)}).
     */
    private static final Field<Boolean> CURRENT = current();

    // The statements of one invoice by its id, each of the tenant and the id.
    private static final QueryShape<Record> FIND = QueryShape.of(value ->
            select(InvoiceColumns.ALL).from(INVOICES).where(isMine(value)));
    private static final QueryShape<Record> LOCK = QueryShape.of(value ->
            select(InvoiceColumns.ALL).from(INVOICES).where(isMine(value)).forUpdate().of(INVOICES));
    /**
     * An invoice's lines as rows, flat (no JSON to build and parse), in order: the invoice joined
     * to them, so that an invoice without lines is one row with none, and no invoice no row.
     */
    private static final QueryShape<Record> LINES_OF = QueryShape.of(value ->
            select(InvoiceColumns.LINE_COLUMNS).from(INVOICES)
                    .leftJoin(LINE_ITEMS).on(LINE_ITEMS.USER_ID.eq(INVOICES.USER_ID)
                            .and(LINE_ITEMS.INVOICE_ID.eq(INVOICES.ID)))
                    .where(isMine(value))
                    .orderBy(LINE_ITEMS.POSITION));

    /** issue_invoice_row() of the invoice's id, its version, the series (null: the default) and the issue date. */
    private static final QueryShape<Record> ISSUE = QueryShape.of(value -> select(InvoiceColumns.ALL)
            .from(Tables.ISSUE_INVOICE_ROW.call(value.of(INVOICES.ID), value.of(INVOICES.VERSION),
                    value.of(SQLDataType.UUID), value.of(INVOICES.ISSUE_DATE)).as(INVOICES)));

    /** change_invoice_status_row() of the invoice's id, its version and the new status. */
    private static final QueryShape<Record> CHANGE_STATUS = QueryShape.of(value -> select(InvoiceColumns.ALL)
            .from(Tables.CHANGE_INVOICE_STATUS_ROW.call(value.of(INVOICES.ID), value.of(INVOICES.VERSION),
                    value.of(INVOICES.STATUS)).as(INVOICES)));

    /**
     * The columns a draft's content sets, shared by create and update, each set to a placeholder
     * of its own; {@link #contentOf} gives their values in this order.
     */
    private static final List<Field<?>> CONTENT = List.of(INVOICES.CLIENT_ID, INVOICES.CURRENCY, INVOICES.ISSUE_DATE,
            INVOICES.DUE_DATE, INVOICES.TAX_RATE, INVOICES.SUBTOTAL, INVOICES.TAX, INVOICES.TOTAL, INVOICES.NOTES,
            INVOICES.PURCHASE_ORDER);

    /** A client's payment terms, of the tenant and the client's id: no row if the tenant has no such client. */
    private static final QueryShape<Record1<PaymentTerms>> TERMS = QueryShape.of(value ->
            termsOf(value.of(CLIENTS.USER_ID), value.of(CLIENTS.ID)));

    /** How a draft's lines are inserted: of the tenant, the invoice's id and its currency, then the lines' arrays. */
    private static final LineArrays<LineItem> DRAFT_LINES = new LineArrays<>(LINE_ITEMS,
            List.of(LINE_ITEMS.USER_ID, LINE_ITEMS.INVOICE_ID, LINE_ITEMS.CURRENCY), LINE_ITEMS.POSITION, List.of(
                    new LineArrays.Column<>(LINE_ITEMS.ID, line -> line.id().value()),
                    new LineArrays.Column<>(LINE_ITEMS.SERVICE_ID, line -> line.serviceItemId() == null ? null
                            : line.serviceItemId().value()),
                    new LineArrays.Column<>(LINE_ITEMS.DESCRIPTION, LineItem::description),
                    new LineArrays.Column<>(LINE_ITEMS.QUANTITY, line -> line.quantity().value()),
                    new LineArrays.Column<>(LINE_ITEMS.UNIT_PRICE, line -> line.unitPrice().amount()),
                    new LineArrays.Column<>(LINE_ITEMS.AMOUNT, line -> line.amount().amount())));

    /**
     * A new draft and its lines, in one round trip: of the tenant, the id, the version, the
     * {@linkplain #CONTENT content}, then {@linkplain #DRAFT_LINES the lines}.
     */
    private static final StatementShape CREATE = StatementShape.of(value -> queries(
            insertInto(INVOICES)
                    .set(INVOICES.USER_ID, value.of(INVOICES.USER_ID))
                    .set(INVOICES.ID, value.of(INVOICES.ID))
                    .set(INVOICES.VERSION, value.of(INVOICES.VERSION))
                    .set(value.each(CONTENT)),
            DRAFT_LINES.insert(value)));

    /**
     * A draft's lines out, its content and version set, its lines in, in one round trip: of the
     * tenant and the id, then the {@linkplain #CONTENT content}, the version, the tenant and the id,
     * then {@linkplain #DRAFT_LINES the lines}.
     */
    private static final StatementShape REPLACE = StatementShape.of(value -> queries(
            deleteFrom(LINE_ITEMS).where(LINE_ITEMS.USER_ID.eq(value.of(LINE_ITEMS.USER_ID))
                    .and(LINE_ITEMS.INVOICE_ID.eq(value.of(LINE_ITEMS.INVOICE_ID)))),
            update(INVOICES)
                    .set(value.each(CONTENT))
                    .set(INVOICES.VERSION, value.of(INVOICES.VERSION))
                    .where(isMine(value)),
            DRAFT_LINES.insert(value)));

    private final DSLContext transaction;
    private final TenantId tenantId;
    private final UUID tenant;
    private final Clock clock;

    InvoiceRepository(DSLContext transaction, TenantId tenant, Clock clock) {
        this.transaction = transaction;
        this.tenantId = tenant;
        this.tenant = tenant.value();
        this.clock = clock;
    }

    /**
     * Stores a new draft with its lines. A draft has no number: {@link #issue} gives it one. The due
     * date, when the draft has none, is the issue date plus the client's payment terms.
     */
    public Invoice createDraft(InvoiceDraft draft) {
        PaymentTerms terms = draft.dueDate() != null ? PaymentTerms.DEFAULT : paymentTermsOf(draft.clientId());
        Invoice invoice = Invoice.create(InvoiceId.generate(clock), draft, terms, clock);
        List<Object> values = new ArrayList<>(List.of(tenant, invoice.id().value(), 0L));
        values.addAll(contentOf(draft, terms));
        values.addAll(List.of(tenant, invoice.id().value(), invoice.currency()));
        values.addAll(DRAFT_LINES.arraysOf(invoice.lines()));
        CREATE.execute(transaction, values.toArray());
        return invoice;
    }

    /**
     * Replaces a draft's content (client, dates, tax rate, lines, notes) by {@code draft}, keeping
     * its id and number. Refused unless the invoice is still a draft at {@code version}.
     */
    public Invoice updateDraft(InvoiceId id, long version, InvoiceDraft draft) {
        // The client's payment terms read in the statement that locks the invoice.
        Locked<PaymentTerms> locked = lock(id, field(termsOf(val(tenant), val(draft.clientId().value()))));
        Invoice current = atVersion(locked.invoice(), version);
        if (current.status() != InvoiceStatus.DRAFT) {
            throw new ValidationException("invoice " + current.number() + " cannot be edited",
                    List.of(new Violation("status", "draft", "must be DRAFT to edit, was " + current.status())));
        }
        PaymentTerms terms = draft.dueDate() != null ? PaymentTerms.DEFAULT
                : Optional.ofNullable(locked.beside()).orElseThrow(() -> clientNotFound(draft.clientId()));
        Invoice created = Invoice.create(id, draft, terms, clock);
        Invoice updated = new Invoice(id, current.number(), created.clientId(), created.issueDate(),
                created.dueDate(), created.taxRate(), created.lines(), created.subtotal(), created.tax(),
                created.total(), created.amountPaid(), created.amountCredited(), InvoiceStatus.DRAFT, null, created.notes(),
                created.purchaseOrder(), null, null, version + 1);
        List<Object> values = new ArrayList<>(List.of(tenant, id.value()));
        values.addAll(contentOf(draft, terms));
        values.addAll(List.of(updated.version(), tenant, id.value()));
        values.addAll(List.of(tenant, id.value(), updated.currency()));
        values.addAll(DRAFT_LINES.arraysOf(updated.lines()));
        REPLACE.execute(transaction, values.toArray());
        return updated;
    }

    /**
     * Issues a draft in the tenant's default invoice series, dated today: see {@link #issue(InvoiceId,
     * long, SeriesId)}.
     */
    public Invoice issue(InvoiceId id, long version) {
        return issueIn(id, version, null);
    }

    /**
     * Issues a draft in {@code series}, dated today (from the store's clock): the database gives it
     * the series' next number, sends it and copies the tenant (seller) and the client (buyer) onto
     * it; from then on it never changes. It must hold at least one line and a positive total, and
     * today must not be before the series' last issue date.
     *
     * <p>The series' counter stays locked until this transaction ends, so that numbers never skip:
     * issue last in a unit of work, and keep the rest of it short, or concurrent issues in the
     * same series wait for it.
     */
    public Invoice issue(InvoiceId id, long version, SeriesId series) {
        return issueIn(id, version, requireNonNull(series, "series is null"));
    }

    /**
     * Deletes a draft that has no number. A numbered invoice is kept: a draft numbered before
     * numbers were given at issue is voided instead, an issued one corrected by a credit note.
     */
    public void discard(InvoiceId id, long version) {
        lockForChange(id, version).checkDiscardable();
        transaction.deleteFrom(INVOICES).where(isMine(id)).execute();
    }

    /** Records that the client opened the invoice. */
    public Invoice markViewed(InvoiceId id, long version) {
        return changeStatus(id, version, Invoice::markViewed);
    }

    /** Voids a draft that has a number (one numbered before numbers were given at issue). */
    public Invoice voidInvoice(InvoiceId id, long version) {
        return changeStatus(id, version, Invoice::voidInvoice);
    }

    /** One invoice with its lines, in one round trip. */
    public Optional<Invoice> find(InvoiceId id) {
        return FIND.with(transaction, tenant, id.value()).fetchOptional(InvoiceColumns::invoiceOf);
    }

    /**
     * The invoices that {@code filter} selects, newest issue date first (ties by id), with their
     * lines, at most {@code limit}. Every filter is served by a tenant-leading index.
     */
    public Page<Invoice> list(InvoiceFilter filter, int limit) {
        // The page, named as the table, then its lines joined to it as rows, flat, read from the
        // driver: for a page of a thousand invoices, building their lines as JSON and parsing it,
        // or a jOOQ record per row, took more than the rows.
        Table<?> page = select(InvoiceColumns.OWN).select(INVOICES.USER_ID)
                .from(INVOICES)
                .where(selectedBy(filter, LocalDate.now(clock)))
                .orderBy(NEWEST_FIRST)
                .limit(Page.checkLimit(limit) + 1)
                .asTable(INVOICES.getName());
        try (ResultSet rows = transaction.select(InvoiceColumns.OWN_AND_LINE)
                .from(page)
                .leftJoin(LINE_ITEMS).on(LINE_ITEMS.USER_ID.eq(INVOICES.USER_ID)
                        .and(LINE_ITEMS.INVOICE_ID.eq(INVOICES.ID)))
                .orderBy(LINES_IN_ORDER)
                .fetchResultSet()) {
            return Page.of(InvoiceColumns.invoicesOf(rows), limit);
        } catch (SQLException e) {
            throw new DataAccessException("reading invoices failed", e);
        }
    }

    /**
     * The invoices that {@code filter} selects, as {@link #list} orders and pages them, as rows for a
     * list screen: no lines, each with its client's name, balance and the status to show today (from
     * the store's clock, the day the filter's overdue is decided on too), in one statement. A page
     * of invoices awaiting payment (overdue, sent, viewed, partially paid) is read from an index
     * alone (V17).
     */
    public Page<InvoiceSummary> summaries(InvoiceFilter filter, int limit) {
        LocalDate today = LocalDate.now(clock);
        // Read from the driver's result set, not as jOOQ records: for a page of a thousand rows the
        // records, and jOOQ's reading of dates through java.sql.Date, took more than the query.
        try (ResultSet rows = transaction.select(SUMMARY_COLUMNS)
                .from(INVOICES)
                .where(selectedBy(filter, today))
                .orderBy(NEWEST_FIRST)
                .limit(Page.checkLimit(limit) + 1)
                .fetchResultSet()) {
            List<InvoiceSummary> fetched = new ArrayList<>();
            while (rows.next()) {
                fetched.add(summaryOf(SUMMARY_ROWS.current(rows), today));
            }
            return Page.of(fetched, limit);
        } catch (SQLException e) {
            throw new DataAccessException("reading invoice summaries failed", e);
        }
    }

    /** The summary in {@code row}, whose columns are {@link #SUMMARY_COLUMNS}. */
    private static InvoiceSummary summaryOf(DriverRows.Values row, LocalDate today) {
        Currency currency = row.get(INVOICES.CURRENCY);
        return InvoiceSummary.of(
                InvoiceId.of(row.get(INVOICES.ID)),
                row.get(NUMBER),
                ClientId.of(row.get(INVOICES.CLIENT_ID)),
                row.get(CLIENT_NAME),
                row.get(INVOICES.ISSUE_DATE),
                row.get(INVOICES.DUE_DATE),
                Money.of(row.get(INVOICES.TOTAL), currency),
                Money.of(row.get(INVOICES.AMOUNT_PAID), currency),
                Money.of(row.get(INVOICES.AMOUNT_CREDITED), currency),
                row.get(INVOICES.STATUS),
                row.get(INVOICES.VERSION),
                today);
    }

    /** The line items of one invoice, in order. */
    public List<LineItem> lineItems(InvoiceId id) {
        List<Record> rows = LINES_OF.with(transaction, tenant, id.value()).fetch();
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return rows.stream().flatMap(row -> InvoiceColumns.lineOf(row).stream()).toList();
    }

    /** The invoice, locked against concurrent change until this transaction ends. */
    Invoice lock(InvoiceId id) {
        return LOCK.with(transaction, tenant, id.value()).fetchOptional(InvoiceColumns::invoiceOf)
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The invoice locked as {@link #lock} locks it, with {@code beside} (what the caller checks the
     * change against: its payments, its client's payment terms) read in the same statement. That statement reads {@code beside}
     * in its snapshot, taken before it waited for the lock, whereas the lock returns the invoice's
     * latest row: {@link Locked#current} is false when a transaction that held the lock changed the
     * invoice meanwhile (its row is newer than the snapshot's), and {@code beside} may be stale.
     */
    <T> Locked<T> lock(InvoiceId id, Field<T> beside) {
        return transaction.fetchOptional(locking(val(tenant), val(id.value()), beside))
                .map(row -> lockedOf(row, beside))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The invoice that {@code lock} locks, a shape of {@link #locking} that reads {@code beside},
     * with {@code values} in its placeholders; none if it finds no invoice.
     */
    <T> Optional<Locked<T>> lock(QueryShape<Record> lock, Field<T> beside, Object... values) {
        return lock.with(transaction, values).fetchOptional(row -> lockedOf(row, beside));
    }

    /**
     * The statement of {@link #lock(InvoiceId, Field)}: it locks the invoice of {@code tenant} and
     * id {@code id} (a value, or a subquery) and reads {@code beside} with it.
     */
    static Select<Record> locking(Field<UUID> tenant, Field<UUID> id, Field<?> beside) {
        return select(InvoiceColumns.ALL).select(beside, CURRENT).from(INVOICES)
                .where(INVOICES.USER_ID.eq(tenant).and(INVOICES.ID.eq(id)))
                .forUpdate().of(INVOICES);
    }

    private static <T> Locked<T> lockedOf(Record row, Field<T> beside) {
        return new Locked<>(InvoiceColumns.invoiceOf(row), row.get(beside), row.get(CURRENT));
    }

    /** This tenant's invoice of an id: the tenant's placeholder, then the id's. */
    private static Condition isMine(Placeholders value) {
        return INVOICES.USER_ID.eq(value.of(INVOICES.USER_ID)).and(INVOICES.ID.eq(value.of(INVOICES.ID)));
    }

    /** An invoice locked with what was read beside it; see {@link #lock(InvoiceId, Field)}. */
    record Locked<T>(Invoice invoice, T beside, boolean current) {
    }

    private Invoice issueIn(InvoiceId id, long version, SeriesId series) {
        lockForChange(id, version).checkIssuable();
        // Issued and read in one statement, so only the commit follows while the series is locked.
        return ISSUE.with(transaction, id.value(), version, series == null ? null : series.value(), LocalDate.now(clock))
                .fetchSingle(InvoiceColumns::invoiceOf);
    }

    /**
     * Moves the status through the database's lifecycle function, which alone may write it; the
     * Java transition runs first for its message.
     */
    private Invoice changeStatus(InvoiceId id, long version, UnaryOperator<Invoice> transition) {
        Invoice changed = transition.apply(lockForChange(id, version));
        return CHANGE_STATUS.with(transaction, id.value(), version, changed.status())
                .fetchSingle(InvoiceColumns::invoiceOf);
    }

    private Invoice lockForChange(InvoiceId id, long version) {
        return atVersion(lock(id), version);
    }

    private static Invoice atVersion(Invoice current, long version) {
        if (current.version() != version) {
            throw StaleVersions.of("invoice", current.id().value(), version, true);
        }
        return current;
    }

    /** The values of the {@link #CONTENT} a draft sets. */
    private static List<Object> contentOf(InvoiceDraft draft, PaymentTerms terms) {
        InvoiceTotals totals = draft.totals();
        // Arrays.asList, not List.of: notes and the purchase order may be null.
        return Arrays.asList(draft.clientId().value(), draft.currency(), draft.issueDate(), draft.dueDateUnder(terms),
                draft.taxRate().percent(), totals.subtotal().amount(), totals.tax().amount(), totals.total().amount(),
                draft.notes(), draft.purchaseOrder());
    }

    private PaymentTerms paymentTermsOf(ClientId client) {
        return TERMS.with(transaction, tenant, client.value()).fetchOptional(Record1::value1)
                .orElseThrow(() -> clientNotFound(client));
    }

    /** The payment terms of the client {@code client} of {@code tenant}: no row if the tenant has no such client. */
    private static Select<Record1<PaymentTerms>> termsOf(Field<UUID> tenant, Field<UUID> client) {
        return select(CLIENTS.PAYMENT_TERMS_DAYS.convertFrom(PaymentTerms::ofDays))
                .from(CLIENTS)
                .where(CLIENTS.USER_ID.eq(tenant).and(CLIENTS.ID.eq(client)));
    }

    private static NotFoundException clientNotFound(ClientId client) {
        return new NotFoundException("client " + client.value() + " does not exist for this tenant");
    }

    /** This tenant's invoices that {@code filter} selects on {@code today}, for {@link #list} and {@link #summaries}. */
    private Condition selectedBy(InvoiceFilter filter, LocalDate today) {
        return INVOICES.USER_ID.eq(tenant)
                .and(statusCondition(filter.status(), today))
                .and(filter.clientId() == null ? noCondition() : INVOICES.CLIENT_ID.eq(filter.clientId().value()))
                .and(filter.issuedFrom() == null ? noCondition() : INVOICES.ISSUE_DATE.ge(filter.issuedFrom()))
                .and(filter.issuedTo() == null ? noCondition() : INVOICES.ISSUE_DATE.le(filter.issuedTo()))
                .and(filter.after() == null ? noCondition() : row(INVOICES.ISSUE_DATE, INVOICES.ID).lt(
                        select(INVOICES.ISSUE_DATE, INVOICES.ID).from(INVOICES).where(isMine(filter.after()))));
    }

    private Condition statusCondition(DisplayStatus status, LocalDate today) {
        if (status == null) {
            return noCondition();
        }
        Condition awaitingPayment = INVOICES.STATUS.in(
                stored(InvoiceStatus.SENT), stored(InvoiceStatus.VIEWED), stored(InvoiceStatus.PARTIALLY_PAID));
        return switch (status) {
            case DRAFT -> INVOICES.STATUS.eq(stored(InvoiceStatus.DRAFT));
            case PAID -> INVOICES.STATUS.eq(stored(InvoiceStatus.PAID));
            case CREDITED -> INVOICES.STATUS.eq(stored(InvoiceStatus.CREDITED));
            case VOID -> INVOICES.STATUS.eq(stored(InvoiceStatus.VOID));
            case OVERDUE -> awaitingPayment.and(INVOICES.DUE_DATE.lt(today));
            case SENT -> INVOICES.STATUS.eq(stored(InvoiceStatus.SENT)).and(INVOICES.DUE_DATE.ge(today));
            case VIEWED -> INVOICES.STATUS.eq(stored(InvoiceStatus.VIEWED)).and(INVOICES.DUE_DATE.ge(today));
            case PARTIALLY_PAID ->
                    INVOICES.STATUS.eq(stored(InvoiceStatus.PARTIALLY_PAID)).and(INVOICES.DUE_DATE.ge(today));
        };
    }

    /**
     * A status as an SQL literal, not a bind parameter: only a literal proves the predicate of V17's
     * partial index (status IN the statuses awaiting payment) in a prepared statement's generic plan.
     */
    private static Field<InvoiceStatus> stored(InvoiceStatus status) {
        return inline(status, INVOICES.STATUS);
    }

    private Condition isMine(InvoiceId id) {
        return INVOICES.USER_ID.eq(tenant).and(INVOICES.ID.eq(id.value()));
    }

    private static Field<Boolean> current() {
        Invoices seen = Tables.INVOICES.as("seen");
        return field(exists(selectOne().from(seen).where(seen.USER_ID.eq(INVOICES.USER_ID), seen.ID.eq(INVOICES.ID),
                condition("{0}.xmin = {1}.xmin", seen, INVOICES))));
    }

    static NotFoundException notFound(InvoiceId id) {
        return new NotFoundException("invoice " + id.value() + " does not exist for this tenant");
    }
}
