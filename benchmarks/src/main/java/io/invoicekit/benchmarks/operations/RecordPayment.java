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
import java.util.Map;
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
 *
 * <p>The JDBC variants send the repository's statements, captured at setup recording a payment
 * against the first of those invoices (rolled back), with this call's invoice and a new payment id
 * in place of the captured ones.
 */
public class RecordPayment extends BenchmarkDatabase {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private static final int FRESH_INVOICES = 512;
    private static final String MARK = "payment benchmark";

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "HIBERNATE"})
    public Variant variant;

    private List<UUID> openInvoices;
    private List<UUID> peersOpenInvoices;
    // Captured paying the first open invoice (rolled back); each call pays its own, with a new payment id.
    private UUID capturedInvoice;
    private UUID capturedPayment;
    private CapturedSql recording;

    /** Drafts, then issued: a payment is recorded only against an issued invoice, and lines only added to a draft. */
    @Override
    protected void prepare(Connection owner) throws SQLException {
        var invoices = new BenchmarkInvoices(MARK, currency, taxRate, LocalDate.now(clock));
        openInvoices = invoices.drafts(owner, tenantUuid(), FRESH_INVOICES);
        invoices.issue(owner, tenantUuid(), openInvoices);
        capturedInvoice = openInvoices.getFirst();
        Payment captured = payment(capturedInvoice);
        capturedPayment = captured.id().value();
        recording = capture(tx -> tx.payments().record(captured));
        // The peer's copies were made when the data set was loaded, before these: it pays its own.
        peersOpenInvoices = ids(owner, "select id from peer.invoices where user_id = ? and status in ('sent', "
                + "'viewed', 'partially_paid') and total - amount_paid - amount_credited >= 1 limit " + FRESH_INVOICES,
                tenantUuid());
    }

    @Benchmark
    public Object recordPayment() {
        return switch (variant) {
            case REPOSITORY -> recordByRepository();
            case JDBC, JDBC_WITHOUT_RLS -> record(variant);
            case HIBERNATE -> peer().recordPayment(tenantUuid(), anyOf(peersOpenInvoices), CENT, PaymentMethod.CARD);
            default -> throw notMeasured(variant);
        };
    }

    private Payment recordByRepository() {
        Payment payment = payment(anyOf(openInvoices));
        return store.inTenant(tenantId, tx -> tx.payments().record(payment));
    }

    private Payment payment(UUID invoice) {
        return Payment.pending(PaymentId.generate(clock), InvoiceId.of(invoice), Money.of(CENT, currency),
                PaymentMethod.CARD, LocalDate.now(clock), null, null).complete();
    }

    private UUID record(Variant variant) {
        UUID payment = PaymentId.generate(clock).value();
        replay(variant, recording, Map.of(capturedInvoice, anyOf(openInvoices), capturedPayment, payment));
        return payment;
    }
}
