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

/**
 * Recording a completed card payment of one cent against one of the tenant's open invoices: the
 * invoice locked and read, its payments read, the payment inserted, and the trigger moving the
 * invoice's amount paid and status. Not in the seeds' table.
 *
 * <p>Every trial pays invoices of its own, made for it in setup (sent, one line, 1,000.00 before
 * tax): the work grows with the payments an invoice already has, so variants that ran later must
 * not find the earlier ones' payments, and a small tenant has too few open invoices to hand each
 * variant fresh ones. One cent, so that none gets paid off during a run.
 */
public class RecordPayment extends BenchmarkDatabase {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private static final String LOCK_INVOICE = InvoiceQueries.SELECT_INVOICES + """
            where (invoices.user_id = cast(? as uuid) and invoices.id = cast(? as uuid))
            for update of invoices""";
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
    // Drafts of 1000.00 and their one line (the database numbers them), then sent: a sent
    // invoice's lines can no longer be added.
    private static final String MAKE_DRAFTS = """
            with invoice as (
                insert into invoices (user_id, id, client_id, currency, issue_date, due_date, tax_rate, subtotal, tax,
                                      total)
                select ?, gen_random_uuid(), (select id from clients where user_id = ? order by id limit 1),
                       ?, ?, ?, ?, 1000.00, round(1000.00 * ? / 100, 2), 1000.00 + round(1000.00 * ? / 100, 2)
                from generate_series(1, ?)
                returning id
            )
            insert into line_items (user_id, id, invoice_id, currency, position, description, quantity, unit_price,
                                    amount)
            select ?, gen_random_uuid(), invoice.id, ?, 1, 'Retainer', 1, 1000.00, 1000.00
            from invoice
            returning invoice_id""";
    private static final String SEND = "update invoices set status = 'sent' where user_id = ? and id = any (cast(? as uuid[]))";

    private List<UUID> openInvoices;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        UUID tenant = tenantUuid();
        LocalDate today = LocalDate.now(clock);
        openInvoices = ids(owner, MAKE_DRAFTS, tenant, tenant, currency.getCurrencyCode(), today, today.plusDays(30),
                taxRate, taxRate, taxRate, FRESH_INVOICES, tenant, currency.getCurrencyCode());
        TenantSql.update(owner, SEND, tenant, openInvoices.stream().map(UUID::toString).toArray(String[]::new));
    }

    @Benchmark
    public Payment repository() {
        Payment payment = Payment.pending(PaymentId.generate(clock), InvoiceId.of(anyOf(openInvoices)),
                Money.of(CENT, currency), PaymentMethod.CARD, LocalDate.now(clock), null, null).complete();
        return store.inTenant(tenantId, tx -> tx.payments().record(payment));
    }

    @Benchmark
    public UUID jdbc() {
        return record(jdbc);
    }

    @Benchmark
    public UUID jdbcWithoutRls() {
        return record(jdbcWithoutRls);
    }

    private UUID record(TenantSql way) {
        UUID tenant = tenantUuid();
        UUID invoice = anyOf(openInvoices);
        UUID payment = PaymentId.generate(clock).value();
        return way.inTransaction(tenant, tx -> {
            TenantSql.query(tx, LOCK_INVOICE, tenant, invoice);
            TenantSql.query(tx, PAYMENTS_OF_INVOICE, tenant, invoice);
            TenantSql.update(tx, INSERT_PAYMENT, tenant, payment, invoice, currency.getCurrencyCode(), CENT, "card",
                    "completed", LocalDate.now(clock), null, null);
            return payment;
        });
    }
}
