package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.CREDIT_NOTE_LINES;
import static java.util.Objects.requireNonNull;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.queries;
import static org.jooq.impl.DSL.select;

import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.CreditNoteStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.LineItem;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.persistence.internal.jooq.Tables;
import io.invoicekit.persistence.internal.jooq.tables.CreditNotes;
import io.invoicekit.persistence.internal.jooq.tables.Invoices;
import io.invoicekit.persistence.internal.jooq.tables.IssueCreditNoteRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectSelectStep;

/**
 * A tenant's credit notes: how an issued invoice is corrected or cancelled. Obtained from
 * {@link TenantTransaction#creditNotes()}; valid only inside that transaction. A credit note is
 * written as a draft and issued by the database ({@code issue_credit_note}), which numbers it in a
 * credit-note series, computes its totals at the invoice's tax rate and refuses to credit more than
 * is left of the invoice, for any caller.
 */
public final class CreditNoteRepository {

    /**
     * The credit notes, aliased as themselves so that their columns are named {@code
     * credit_notes.x}: the same columns then read the row that issue_credit_note_row() returns
     * (V20), aliased so too.
     */
    private static final CreditNotes CREDIT_NOTES = Tables.CREDIT_NOTES.as(Tables.CREDIT_NOTES);

    private static final Field<List<LineItem>> LINES = multiset(
            select(
                    CREDIT_NOTE_LINES.ID.convertFrom(LineItemId::of),
                    CREDIT_NOTE_LINES.DESCRIPTION,
                    CREDIT_NOTE_LINES.QUANTITY.convertFrom(Quantity::of),
                    CREDIT_NOTE_LINES.UNIT_PRICE,
                    CREDIT_NOTE_LINES.AMOUNT,
                    CREDIT_NOTE_LINES.CURRENCY)
                    .from(CREDIT_NOTE_LINES)
                    .where(CREDIT_NOTE_LINES.USER_ID.eq(CREDIT_NOTES.USER_ID)
                            .and(CREDIT_NOTE_LINES.CREDIT_NOTE_ID.eq(CREDIT_NOTES.ID)))
                    .orderBy(CREDIT_NOTE_LINES.POSITION))
            .convertFrom(lines -> lines.map(mapping((id, description, quantity, unitPrice, amount, currency) ->
                    InvoiceColumns.lineOf(id, description, quantity, unitPrice, amount, currency, null))));

    private static final Field<CreditNoteId> ID = CREDIT_NOTES.ID.convertFrom(CreditNoteId::of);
    private static final Field<InvoiceId> INVOICE = CREDIT_NOTES.INVOICE_ID.convertFrom(InvoiceId::of);
    private static final Field<InvoiceNumber> NUMBER =
            CREDIT_NOTES.CREDIT_NOTE_NUMBER.convert(InvoiceColumns.NUMBER_FROM_TEXT);
    private static final Field<TaxRate> TAX_RATE = CREDIT_NOTES.TAX_RATE.convert(
            Converter.ofNullable(BigDecimal.class, TaxRate.class, TaxRate::of, TaxRate::percent));

    /**
     * What a read of credit notes selects, flat (the amounts and their currency as columns of their
     * own, for the reason {@link InvoiceColumns} gives); {@link #creditNoteOf} reads a row of them.
     */
    private static final List<SelectField<?>> COLUMNS = List.of(ID, INVOICE, NUMBER, CREDIT_NOTES.STATUS,
            CREDIT_NOTES.REASON, CREDIT_NOTES.ISSUE_DATE, LINES, TAX_RATE, CREDIT_NOTES.CURRENCY,
            CREDIT_NOTES.SUBTOTAL, CREDIT_NOTES.TAX, CREDIT_NOTES.TOTAL, CREDIT_NOTES.VERSION);

    /** How a draft's lines are inserted: of the tenant, the credit note's id and its currency, then the lines' arrays. */
    private static final LineArrays<LineItem> DRAFT_LINES = new LineArrays<>(CREDIT_NOTE_LINES,
            List.of(CREDIT_NOTE_LINES.USER_ID, CREDIT_NOTE_LINES.CREDIT_NOTE_ID, CREDIT_NOTE_LINES.CURRENCY),
            CREDIT_NOTE_LINES.POSITION, List.of(
                    new LineArrays.Column<>(CREDIT_NOTE_LINES.ID, line -> line.id().value()),
                    new LineArrays.Column<>(CREDIT_NOTE_LINES.DESCRIPTION, LineItem::description),
                    new LineArrays.Column<>(CREDIT_NOTE_LINES.QUANTITY, line -> line.quantity().value()),
                    new LineArrays.Column<>(CREDIT_NOTE_LINES.UNIT_PRICE, line -> line.unitPrice().amount()),
                    new LineArrays.Column<>(CREDIT_NOTE_LINES.AMOUNT, line -> line.amount().amount())));

    /**
     * A new draft and its lines, in one round trip: of the tenant, the id, the invoice's id, the
     * currency, the reason and the version, then {@linkplain #DRAFT_LINES the lines}.
     */
    private static final StatementShape CREATE = StatementShape.of(value -> queries(
            insertInto(Tables.CREDIT_NOTES).set(value.each(List.of(Tables.CREDIT_NOTES.USER_ID, Tables.CREDIT_NOTES.ID,
                    Tables.CREDIT_NOTES.INVOICE_ID, Tables.CREDIT_NOTES.CURRENCY, Tables.CREDIT_NOTES.REASON,
                    Tables.CREDIT_NOTES.VERSION))),
            DRAFT_LINES.insert(value)));

    private final DSLContext transaction;
    private final UUID tenant;
    private final Clock clock;
    private final InvoiceRepository invoices;

    CreditNoteRepository(DSLContext transaction, TenantId tenant, Clock clock, InvoiceRepository invoices) {
        this.transaction = transaction;
        this.tenant = tenant.value();
        this.clock = clock;
        this.invoices = invoices;
    }

    /**
     * Stores a draft credit note of an issued invoice. Refused, before anything is stored, for
     * lines in another currency and beyond what is left to credit of the invoice.
     */
    public CreditNote createDraft(CreditNoteDraft draft) {
        return storeDraft(invoices.lock(draft.invoiceId()), draft);
    }

    /** Stores a draft of {@code invoice}, locked by this transaction. */
    private CreditNote storeDraft(Invoice invoice, CreditNoteDraft draft) {
        draft.totalsOn(invoice);
        CreditNote note = CreditNote.draft(CreditNoteId.generate(clock), draft, clock);
        List<Object> values = new ArrayList<>(List.of(tenant, note.id().value(), invoice.id().value(),
                invoice.currency(), note.reason(), 0L, tenant, note.id().value(), invoice.currency()));
        values.addAll(DRAFT_LINES.arraysOf(note.lines()));
        CREATE.execute(transaction, values.toArray());
        return note;
    }

    /** Issues a draft in the tenant's default credit-note series, dated today. */
    public CreditNote issue(CreditNoteId id, long version) {
        return issueIn(id, version, null);
    }

    /**
     * Issues a draft in {@code series}, dated today: numbered, its totals computed at the invoice's
     * tax rate, the invoice's amount credited and status moved (credited once credit notes cover
     * its total). From then on it never changes. As for invoices, the series stays locked until
     * this transaction ends: issue last.
     */
    public CreditNote issue(CreditNoteId id, long version, SeriesId series) {
        return issueIn(id, version, requireNonNull(series, "series is null"));
    }

    /** Cancels an issued invoice: a credit note of all its lines, issued, with {@code reason}. */
    public CreditNote creditInFull(InvoiceId invoiceId, String reason) {
        Invoice invoice = invoices.lock(invoiceId);
        if (invoice.amountCredited().isPositive()) {
            throw new ValidationException("invoice " + invoice.number() + " cannot be credited in full",
                    List.of(new Violation("amountCredited", "nothingCredited", "must be 0 to credit all the lines, "
                            + "was " + invoice.amountCredited() + ": credit what is left line by line")));
        }
        return issueLocked(storeDraft(invoice, CreditNoteDraft.inFull(invoice, reason)), invoice, null);
    }

    /** Deletes a draft credit note; an issued one is kept. */
    public void discard(CreditNoteId id, long version) {
        CreditNote note = current(id, version);
        if (note.status() != CreditNoteStatus.DRAFT) {
            throw new ValidationException("credit note " + note.number() + " cannot be discarded",
                    List.of(new Violation("status", "draft", "must be DRAFT to discard, was " + note.status())));
        }
        transaction.deleteFrom(CREDIT_NOTES).where(isMine(id)).execute();
    }

    public Optional<CreditNote> find(CreditNoteId id) {
        return selectCreditNotes().from(CREDIT_NOTES).where(isMine(id)).fetchOptional(CreditNoteRepository::creditNoteOf);
    }

    /** The credit notes of one invoice, oldest first. */
    public List<CreditNote> forInvoice(InvoiceId invoice) {
        return selectCreditNotes().from(CREDIT_NOTES)
                .where(CREDIT_NOTES.USER_ID.eq(tenant).and(CREDIT_NOTES.INVOICE_ID.eq(invoice.value())))
                .orderBy(CREDIT_NOTES.ID)
                .fetch(CreditNoteRepository::creditNoteOf);
    }

    /**
     * Locks the draft and then its invoice ({@code FOR UPDATE OF} in that order, the order
     * issue_credit_note() takes them) in one statement. Both are nested fields of the locked rows
     * themselves, not subqueries, so they are the latest rows even if a transaction that held a lock
     * changed them meanwhile.
     */
    private CreditNote issueIn(CreditNoteId id, long version, SeriesId series) {
        Invoices invoice = InvoiceColumns.INVOICES;
        Field<CreditNote> draft = multiset(selectCreditNotes())
                .convertFrom(rows -> rows.map(CreditNoteRepository::creditNoteOf).get(0));
        Record locked = transaction.select(InvoiceColumns.ALL).select(draft)
                .from(CREDIT_NOTES)
                .join(invoice).on(invoice.USER_ID.eq(CREDIT_NOTES.USER_ID).and(invoice.ID.eq(CREDIT_NOTES.INVOICE_ID)))
                .where(isMine(id))
                .forUpdate().of(CREDIT_NOTES, invoice)
                .fetchOptional()
                .orElseThrow(() -> notFound(id));
        CreditNote note = atVersion(locked.get(draft), version);
        if (note.status() != CreditNoteStatus.DRAFT) {
            throw new ValidationException("credit note " + note.number() + " cannot be issued",
                    List.of(new Violation("status", "draft", "must be DRAFT to issue, was " + note.status())));
        }
        return issueLocked(note, InvoiceColumns.invoiceOf(locked), series);
    }

    /**
     * Issues the draft {@code note} of {@code invoice}, which this transaction has locked, in {@code
     * series} (null: the default credit-note series). Issued and read in one statement, so only the
     * commit follows while the series is locked.
     */
    private CreditNote issueLocked(CreditNote note, Invoice invoice, SeriesId series) {
        invoice.checkCreditable(note.totalsOn(invoice).total());
        IssueCreditNoteRow issued = Tables.ISSUE_CREDIT_NOTE_ROW.call(note.id().value(), note.version(),
                series == null ? null : series.value(), LocalDate.now(clock));
        return selectCreditNotes().from(issued.as(CREDIT_NOTES)).fetchSingle(CreditNoteRepository::creditNoteOf);
    }

    private CreditNote current(CreditNoteId id, long version) {
        return atVersion(selectCreditNotes().from(CREDIT_NOTES).where(isMine(id)).forUpdate().of(CREDIT_NOTES)
                .fetchOptional(CreditNoteRepository::creditNoteOf)
                .orElseThrow(() -> notFound(id)), version);
    }

    private static CreditNote atVersion(CreditNote note, long version) {
        if (note.version() != version) {
            throw StaleVersions.of("credit note", note.id().value(), version, true);
        }
        return note;
    }

    private static NotFoundException notFound(CreditNoteId id) {
        return new NotFoundException("credit note " + id.value() + " does not exist for this tenant");
    }

    private Condition isMine(CreditNoteId id) {
        return CREDIT_NOTES.USER_ID.eq(tenant).and(CREDIT_NOTES.ID.eq(id.value()));
    }

    private SelectSelectStep<Record> selectCreditNotes() {
        return transaction.select(COLUMNS);
    }

    /** The credit note in {@code row}, which holds the fields of {@link #COLUMNS}. */
    private static CreditNote creditNoteOf(Record row) {
        Currency currency = row.get(CREDIT_NOTES.CURRENCY);
        return new CreditNote(row.get(ID), row.get(INVOICE), row.get(NUMBER), row.get(CREDIT_NOTES.STATUS),
                row.get(CREDIT_NOTES.REASON), row.get(CREDIT_NOTES.ISSUE_DATE), row.get(LINES), row.get(TAX_RATE),
                money(row.get(CREDIT_NOTES.SUBTOTAL), currency), money(row.get(CREDIT_NOTES.TAX), currency),
                money(row.get(CREDIT_NOTES.TOTAL), currency), row.get(CREDIT_NOTES.VERSION));
    }

    /** An amount given at issue: none (null) on a draft. */
    private static Money money(BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency);
    }
}
