package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Recording a completed card payment of one cent against one of the tenant's open invoices: the
 * invoice locked and read, its payments read, the payment inserted, and the trigger moving the
 * invoice's amount paid and status. Not in the seeds' table.
 *
 * <p>Every trial pays invoices of its own, made for it in setup (issued, one line, 1,000.00 before
 * tax): the work grows with the payments an invoice already has, so variants that ran later must
 * not find the earlier ones' payments, and a small tenant has too few open invoices to hand each
 * variant fresh ones. One cent, so that none gets paid off during a run.
 */
public class RecordPayment extends BenchmarkDatabase {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private static final String PAYMENTS_OF_INVOICE = """
            select payments.id, payments.invoice_id, row (payments.amount, payments.currency) as nested,
                   payments.method, payments.status, payments.payment_date, payments.transaction_id,
                   payments.notes, payments.version
            from payments
            where (payments.user_id = cast(? as uuid) and payments.invoice_id = cast(? as uuid))
            order by payments.payment_date, payments.id""";
    private static final String INSERT_PAYMENT = """
            insert into payments (user_id, id, invoice_id, currency, amount, method, status, payment_date,
                                  transaction_id, notes)
            values (cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, ?, ?, ?, cast(? as date), ?, ?)""";

    private static final int FRESH_INVOICES = 512;
    private static final String MARK = "payment benchmark";

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "HIBERNATE"})
    public Variant variant;

    private List<UUID> openInvoices;
    private List<UUID> peersOpenInvoices;

    /** Drafts, then issued: a payment is recorded only against an issued invoice, and lines only added to a draft. */
    @Override
    protected void prepare(Connection owner) throws SQLException {
        var invoices = new BenchmarkInvoices(MARK, currency, taxRate, LocalDate.now(clock));
        openInvoices = invoices.drafts(owner, tenantUuid(), FRESH_INVOICES);
        invoices.issue(owner, tenantUuid(), openInvoices);
        // The peer's copies were made when the data set was loaded, before these: it pays its own.
        peersOpenInvoices = ids(owner, "select id from peer.invoices where user_id = ? and status in ('sent', "
                + "'viewed', 'partially_paid') and total - amount_paid - amount_credited >= 1 limit " + FRESH_INVOICES,
                tenantUuid());
    }

    @Benchmark
    public Object recordPayment() {
        return switch (variant) {
            case REPOSITORY -> recordByRepository();
            case JDBC, JDBC_WITHOUT_RLS -> record(sql(variant));
            case HIBERNATE -> peer().recordPayment(tenantUuid(), anyOf(peersOpenInvoices), CENT, PaymentMethod.CARD);
            default -> throw notMeasured(variant);
        };
    }

    private Payment recordByRepository() {
        Payment payment = Payment.pending(PaymentId.generate(clock), InvoiceId.of(anyOf(openInvoices)),
                Money.of(CENT, currency), PaymentMethod.CARD, LocalDate.now(clock), null, null).complete();
        return store.inTenant(tenantId, tx -> tx.payments().record(payment));
    }

    private UUID record(TenantSql way) {
        UUID tenant = tenantUuid();
        UUID invoice = anyOf(openInvoices);
        UUID payment = PaymentId.generate(clock).value();
        return way.inTransaction(tenant, tx -> {
            TenantSql.query(tx, InvoiceQueries.LOCK_INVOICE, tenant, invoice);
            TenantSql.query(tx, PAYMENTS_OF_INVOICE, tenant, invoice);
            TenantSql.update(tx, INSERT_PAYMENT, tenant, payment, invoice, currency.getCurrencyCode(), CENT, "card",
                    "completed", LocalDate.now(clock), null, null);
            return payment;
        });
    }
}
