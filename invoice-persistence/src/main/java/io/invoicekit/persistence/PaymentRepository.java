package io.invoicekit.persistence;

import static io.invoicekit.persistence.InvoiceColumns.INVOICES;
import static io.invoicekit.persistence.internal.jooq.Tables.PAYMENTS;
import static io.invoicekit.persistence.internal.jooq.Tables.REFUNDS;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.money.CurrencyMismatchException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.Refund;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceRepository.Locked;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectSeekStep2;

/**
 * A tenant's payments. Each change locks the invoice, checks the invoice's rules in Java (for the
 * message: an overpayment names the amounts), then writes the payment; the database trigger on
 * payments then moves the invoice's amount paid, status and paid date, and its CHECK refuses an
 * overpayment even if the Java check were bypassed. Obtained from
 * {@link TenantTransaction#payments()}; valid only inside that transaction.
 */
public final class PaymentRepository {

    private static final Field<PaymentId> ID = PAYMENTS.ID.convertFrom(PaymentId::of);
    private static final Field<InvoiceId> INVOICE = PAYMENTS.INVOICE_ID.convertFrom(InvoiceId::of);

    /**
     * What a read of payments selects, flat (the amount and its currency as columns of their own,
     * for the reason {@link InvoiceColumns} gives); {@link #paymentOf} reads a row of them.
     */
    private static final List<SelectField<?>> COLUMNS = List.of(ID, INVOICE, PAYMENTS.AMOUNT, PAYMENTS.CURRENCY,
            PAYMENTS.METHOD, PAYMENTS.STATUS, PAYMENTS.PAYMENT_DATE, PAYMENTS.TRANSACTION_ID, PAYMENTS.NOTES,
            PAYMENTS.VERSION);

    /** The payments of the invoice that a locking statement reads ({@link InvoiceRepository#locking}). */
    private static final Field<List<Payment>> PAYMENTS_OF_LOCKED = multiset(
            paymentsOf(INVOICES.USER_ID, INVOICES.ID)).convertFrom(rows -> rows.map(PaymentRepository::paymentOf));

    /** An invoice locked with its payments: of the tenant and the invoice's id. */
    private static final QueryShape<Record> LOCK_INVOICE = QueryShape.of(value -> InvoiceRepository.locking(
            value.of(INVOICES.USER_ID), value.of(INVOICES.ID), PAYMENTS_OF_LOCKED));

    /**
     * A payment's invoice locked with its payments, found by the payment in the same statement: of
     * the tenant, twice, and the payment's id.
     */
    private static final QueryShape<Record> LOCK_INVOICE_OF_PAYMENT = QueryShape.of(value -> InvoiceRepository.locking(
            value.of(INVOICES.USER_ID),
            field(select(PAYMENTS.INVOICE_ID).from(PAYMENTS)
                    .where(PAYMENTS.USER_ID.eq(value.of(PAYMENTS.USER_ID)).and(PAYMENTS.ID.eq(value.of(PAYMENTS.ID))))),
            PAYMENTS_OF_LOCKED));

    /** The payment's insert, of its columns in the order {@link #record} gives them. */
    private static final StatementShape INSERT = StatementShape.of(value -> insertInto(PAYMENTS)
            .set(PAYMENTS.USER_ID, value.of(PAYMENTS.USER_ID))
            .set(PAYMENTS.ID, value.of(PAYMENTS.ID))
            .set(PAYMENTS.INVOICE_ID, value.of(PAYMENTS.INVOICE_ID))
            .set(PAYMENTS.CURRENCY, value.of(PAYMENTS.CURRENCY))
            .set(PAYMENTS.AMOUNT, value.of(PAYMENTS.AMOUNT))
            .set(PAYMENTS.METHOD, value.of(PAYMENTS.METHOD))
            .set(PAYMENTS.STATUS, value.of(PAYMENTS.STATUS))
            .set(PAYMENTS.PAYMENT_DATE, value.of(PAYMENTS.PAYMENT_DATE))
            .set(PAYMENTS.TRANSACTION_ID, value.of(PAYMENTS.TRANSACTION_ID))
            .set(PAYMENTS.NOTES, value.of(PAYMENTS.NOTES)));

    private final DSLContext transaction;
    private final UUID tenant;
    private final Clock clock;
    private final InvoiceRepository invoices;

    PaymentRepository(DSLContext transaction, TenantId tenant, Clock clock, InvoiceRepository invoices) {
        this.transaction = transaction;
        this.tenant = tenant.value();
        this.clock = clock;
        this.invoices = invoices;
    }

    /** Records a pending or completed payment against its invoice. */
    public Payment record(Payment payment) {
        List<Payment> payments = new ArrayList<>();
        Invoice invoice = lockWithPayments(payment.invoiceId(), payments);
        payments.add(payment);
        invoice.applyPayments(payments, clock);
        INSERT.execute(transaction, tenant, payment.id().value(), payment.invoiceId().value(),
                payment.amount().currency(), payment.amount().amount(), payment.method(), payment.status(),
                payment.paymentDate(), payment.transactionId(), payment.notes());
        return payment;
    }

    /** The money arrived: the payment counts towards the invoice. */
    public Payment complete(PaymentId id) {
        return change(id, Payment::complete);
    }

    /** The payment did not go through. */
    public Payment fail(PaymentId id) {
        return change(id, Payment::fail);
    }

    /**
     * Records money paid back against an issued credit note of the invoice: at most what the credit
     * note credits less what was refunded on it, and at most what was paid beyond what is owed. It
     * lowers the invoice's amount paid and never changes.
     */
    public Refund refund(Refund refund) {
        Invoice invoice = invoices.lock(refund.invoiceId());
        if (!refund.amount().currency().equals(invoice.currency())) {
            throw new CurrencyMismatchException("invoice " + invoice.number() + " cannot refund " + refund.id().value(),
                    invoice.currency(), refund.amount().currency());
        }
        invoice.checkRefundable(refund.amount());
        transaction.insertInto(REFUNDS)
                .set(REFUNDS.USER_ID, tenant)
                .set(REFUNDS.ID, refund.id().value())
                .set(REFUNDS.CREDIT_NOTE_ID, refund.creditNoteId().value())
                .set(REFUNDS.INVOICE_ID, refund.invoiceId().value())
                .set(REFUNDS.CURRENCY, invoice.currency())
                .set(REFUNDS.AMOUNT, refund.amount().amount())
                .set(REFUNDS.METHOD, refund.method())
                .set(REFUNDS.TRANSACTION_ID, refund.transactionId())
                .set(REFUNDS.REFUND_DATE, refund.refundDate())
                .execute();
        return refund;
    }

    /** The refunds of one invoice, oldest first. */
    public List<Refund> refundsOf(InvoiceId invoice) {
        return transaction.select(
                        REFUNDS.ID.convertFrom(RefundId::of),
                        REFUNDS.CREDIT_NOTE_ID.convertFrom(CreditNoteId::of),
                        REFUNDS.INVOICE_ID.convertFrom(InvoiceId::of),
                        REFUNDS.AMOUNT,
                        REFUNDS.CURRENCY,
                        REFUNDS.METHOD,
                        REFUNDS.REFUND_DATE,
                        REFUNDS.TRANSACTION_ID)
                .from(REFUNDS)
                .where(REFUNDS.USER_ID.eq(tenant).and(REFUNDS.INVOICE_ID.eq(invoice.value())))
                .orderBy(REFUNDS.REFUND_DATE, REFUNDS.ID)
                .fetch(mapping((id, creditNote, invoiceId, amount, currency, method, date, transactionId) ->
                        new Refund(id, creditNote, invoiceId, Money.of(amount, currency), method, date, transactionId)));
    }

    /** The payments of one invoice, oldest first. */
    public List<Payment> forInvoice(InvoiceId invoice) {
        return transaction.fetch(paymentsOf(val(tenant), val(invoice.value()))).map(PaymentRepository::paymentOf);
    }

    /**
     * Locks the invoice and adds its payments to {@code payments}, read in the statement that locks
     * it (one round trip), or read again after it if a transaction that held the lock changed the
     * invoice: then that statement read them as they were before, and a payment completed meanwhile
     * (which changes the invoice's amount paid) would be missing from the checks.
     */
    private Invoice lockWithPayments(InvoiceId id, List<Payment> payments) {
        Locked<List<Payment>> locked = invoices.lock(LOCK_INVOICE, PAYMENTS_OF_LOCKED, tenant, id.value())
                .orElseThrow(() -> InvoiceRepository.notFound(id));
        payments.addAll(locked.current() ? locked.beside() : forInvoice(id));
        return locked.invoice();
    }

    private Payment change(PaymentId id, UnaryOperator<Payment> transition) {
        Locked<List<Payment>> locked = invoices.lock(LOCK_INVOICE_OF_PAYMENT, PAYMENTS_OF_LOCKED, tenant, tenant,
                        id.value())
                .orElseThrow(() -> new NotFoundException("payment " + id.value() + " does not exist for this tenant"));
        Invoice invoice = locked.invoice();
        if (locked.current()) {
            Payment changed = changed(invoice, locked.beside(), id, transition);
            // Only from the status read: a transaction that held the lock and failed this payment left
            // the invoice as it was, so the lock statement may have read the payment pending still.
            if (store(changed, true)) {
                return changed;
            }
        }
        Payment changed = changed(invoice, forInvoice(invoice.id()), id, transition);
        store(changed, false);
        return changed;
    }

    /** The payment {@code id} as {@code transition} changes it, checked against its invoice and {@code payments}. */
    private Payment changed(Invoice invoice, List<Payment> payments, PaymentId id, UnaryOperator<Payment> transition) {
        List<Payment> after = new ArrayList<>(payments);
        int index = indexOf(after, id);
        Payment changed = transition.apply(after.get(index));
        after.set(index, changed);
        invoice.applyPayments(after, clock);
        return new Payment(changed.id(), changed.invoiceId(), changed.amount(), changed.method(), changed.status(),
                changed.paymentDate(), changed.transactionId(), changed.notes(), changed.version() + 1);
    }

    /** Writes the payment's new status; {@code ifUnchanged}: only over the version it was changed from. */
    private boolean store(Payment changed, boolean ifUnchanged) {
        return transaction.update(PAYMENTS)
                .set(PAYMENTS.STATUS, changed.status())
                .set(PAYMENTS.VERSION, PAYMENTS.VERSION.plus(1))
                .where(isMine(changed.id()))
                .and(ifUnchanged ? PAYMENTS.VERSION.eq(changed.version() - 1) : noCondition())
                .execute() == 1;
    }

    /** The payments of {@code tenant}'s invoice {@code invoice}, oldest first. */
    private static SelectSeekStep2<Record, LocalDate, UUID> paymentsOf(Field<UUID> tenant, Field<UUID> invoice) {
        return select(COLUMNS).from(PAYMENTS)
                .where(PAYMENTS.USER_ID.eq(tenant).and(PAYMENTS.INVOICE_ID.eq(invoice)))
                .orderBy(PAYMENTS.PAYMENT_DATE, PAYMENTS.ID);
    }

    private static int indexOf(List<Payment> payments, PaymentId id) {
        for (int i = 0; i < payments.size(); i++) {
            if (payments.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("payment " + id.value() + " vanished while its invoice was locked");
    }

    private Condition isMine(PaymentId id) {
        return PAYMENTS.USER_ID.eq(tenant).and(PAYMENTS.ID.eq(id.value()));
    }

    /** The payment in {@code row}, which holds the fields of {@link #COLUMNS}. */
    private static Payment paymentOf(Record row) {
        return new Payment(row.get(ID), row.get(INVOICE), Money.of(row.get(PAYMENTS.AMOUNT), row.get(PAYMENTS.CURRENCY)),
                row.get(PAYMENTS.METHOD), row.get(PAYMENTS.STATUS), row.get(PAYMENTS.PAYMENT_DATE),
                row.get(PAYMENTS.TRANSACTION_ID), row.get(PAYMENTS.NOTES), row.get(PAYMENTS.VERSION));
    }
}
