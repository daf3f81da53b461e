package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.invoice.InvoiceTotals;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Creating an invoice with 5 line items for one of the tenant's clients and issuing it, in one
 * transaction: its payment terms read, the draft inserted and its lines, then issued (locked and
 * read, numbered by {@code issue_invoice} in the tenant's default series, read back), committed.
 * Not in the seeds' table; the write path everything else depends on. Since V11 a draft has no
 * number, so a draft alone would no longer measure the numbering this path had before: issuing
 * it keeps the invoice, its number and their cost together. The JDBC variants take the same draft
 * and its totals from the domain, so that what differs is only how the SQL is sent.
 */
public class CreateInvoice extends BenchmarkDatabase {

    private static final int LINES = 5;

    private static final String PAYMENT_TERMS = """
            select clients.payment_terms_days from clients
            where (clients.user_id = cast(? as uuid) and clients.id = cast(? as uuid))""";
    private static final String INSERT_INVOICE = """
            insert into invoices (user_id, id, version, client_id, currency, issue_date, tax_rate, subtotal, tax, total,
                                  notes, purchase_order, due_date)
            values (cast(? as uuid), cast(? as uuid), ?, cast(? as uuid), ?, cast(? as date), ?, ?, ?, ?, ?, ?,
                    cast(? as date))""";
    private static final String INSERT_LINES = """
            insert into line_items (user_id, id, invoice_id, currency, position, service_id, description, quantity,
                                    unit_price, amount)
            """ + "values " + String.join(", ", Collections.nCopies(LINES,
            "(cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, ?, cast(? as uuid), ?, ?, ?, ?)"));

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "HIBERNATE"})
    public Variant variant;

    private List<UUID> clients;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        clients = sample(owner, "clients");
    }

    @Benchmark
    public Object createAndIssue() {
        return switch (variant) {
            case REPOSITORY -> createAndIssueByRepository();
            case JDBC, JDBC_WITHOUT_RLS -> createAndIssue(sql(variant));
            case HIBERNATE -> peer().createAndIssue(tenantUuid(), draft());
            default -> throw notMeasured(variant);
        };
    }

    private Invoice createAndIssueByRepository() {
        InvoiceDraft draft = draft();
        return store.inTenant(tenantId, tx -> {
            Invoice created = tx.invoices().createDraft(draft);
            return tx.invoices().issue(created.id(), created.version());
        });
    }

    private String createAndIssue(TenantSql way) {
        InvoiceDraft draft = draft();
        UUID tenant = tenantUuid();
        UUID invoice = InvoiceId.generate(clock).value();
        InvoiceTotals totals = draft.totals();
        return way.inTransaction(tenant, tx -> {
            int termsDays = (Integer) TenantSql.query(tx, PAYMENT_TERMS, tenant, draft.clientId().value()).getFirst()[0];
            LocalDate due = draft.dueDateUnder(PaymentTerms.ofDays(termsDays));
            TenantSql.update(tx, INSERT_INVOICE, tenant, invoice, 0L, draft.clientId().value(),
                    currency.getCurrencyCode(), draft.issueDate(), draft.taxRate().percent(), totals.subtotal().amount(),
                    totals.tax().amount(), totals.total().amount(), null, null, due);
            List<Object> lines = new ArrayList<>();
            for (int i = 0; i < draft.lines().size(); i++) {
                LineDraft line = draft.lines().get(i);
                lines.addAll(Arrays.asList(tenant, LineItemId.generate(clock).value(), invoice,
                        currency.getCurrencyCode(), i + 1, null, line.description(), line.quantity().value(),
                        line.unitPrice().amount(), line.amount().amount()));
            }
            TenantSql.update(tx, INSERT_LINES, lines.toArray());
            return IssueSql.issue(way, tx, tenant, invoice, 0L, LocalDate.now(clock));
        });
    }

    private InvoiceDraft draft() {
        InvoiceDraft.Builder draft = InvoiceDraft.builder(currency)
                .client(ClientId.of(anyOf(clients)))
                .issuedOn(LocalDate.now(clock))
                .taxRate(taxRate);
        for (int i = 1; i <= LINES; i++) {
            draft.line("Benchmark work " + i, BigDecimal.valueOf(i), new BigDecimal("19.90"));
        }
        return draft.build();
    }
}
