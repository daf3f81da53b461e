package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.LineItemId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Creating an invoice with 5 line items for one of the tenant's clients and issuing it, in one
 * transaction: its payment terms read, the draft inserted with its lines, then issued (locked and
 * read, numbered by {@code issue_invoice} in the tenant's default series, read back), committed.
 * Not in the seeds' table; the write path everything else depends on. Since V11 a draft has no
 * number, so a draft alone would no longer measure the numbering this path had before: issuing
 * it keeps the invoice, its number and their cost together.
 *
 * <p>The JDBC variants send the repository's statements for the draft, captured at setup creating
 * one for the first sampled client (rolled back), with this call's client, invoice id and line
 * ids in place of the captured ones; then the issue's, as {@link IssueSql} sends them.
 */
public class CreateInvoice extends BenchmarkDatabase {

    private static final int LINES = 5;

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "HIBERNATE"})
    public Variant variant;

    private List<UUID> clients;
    // Captured creating a draft for the first sampled client (rolled back); each call creates its own.
    private Invoice captured;
    private CapturedSql creating;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        clients = sample(owner, "clients");
        InvoiceDraft draft = draft(clients.getFirst());
        creating = capture(tx -> captured = tx.invoices().createDraft(draft));
    }

    @Benchmark
    public Object createAndIssue() {
        return switch (variant) {
            case REPOSITORY -> createAndIssueByRepository();
            case JDBC, JDBC_WITHOUT_RLS -> createAndIssue(sql(variant));
            case HIBERNATE -> peer().createAndIssue(tenantUuid(), draft(anyOf(clients)));
            default -> throw notMeasured(variant);
        };
    }

    private Invoice createAndIssueByRepository() {
        InvoiceDraft draft = draft(anyOf(clients));
        return store.inTenant(tenantId, tx -> {
            Invoice created = tx.invoices().createDraft(draft);
            return tx.invoices().issue(created.id(), created.version());
        });
    }

    private String createAndIssue(TenantSql way) {
        UUID tenant = tenantUuid();
        UUID invoice = InvoiceId.generate(clock).value();
        Map<UUID, UUID> substitutions = new HashMap<>();
        substitutions.put(captured.id().value(), invoice);
        substitutions.put(captured.clientId().value(), anyOf(clients));
        captured.lines().forEach(line -> substitutions.put(line.id().value(), LineItemId.generate(clock).value()));
        return way.inTransaction(tenant, tx -> {
            creating.replay(tx, substitutions);
            return IssueSql.issue(way, tx, tenant, invoice, 0L, LocalDate.now(clock));
        });
    }

    private InvoiceDraft draft(UUID client) {
        InvoiceDraft.Builder draft = InvoiceDraft.builder(currency)
                .client(ClientId.of(client))
                .issuedOn(LocalDate.now(clock))
                .taxRate(taxRate);
        for (int i = 1; i <= LINES; i++) {
            draft.line("Benchmark work " + i, BigDecimal.valueOf(i), new BigDecimal("19.90"));
        }
        return draft.build();
    }
}
