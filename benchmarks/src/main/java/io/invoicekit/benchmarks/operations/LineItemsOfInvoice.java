package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.tenant.InvoiceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The seeds' "get line items": the lines of one invoice, a different one of the tenant's each time. */
public class LineItemsOfInvoice extends BenchmarkDatabase {

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "NO_INDEXES", "HIBERNATE"})
    public Variant variant;

    private List<UUID> invoices;
    // Captured reading the first sampled invoice's lines; each call puts its own invoice in its place.
    private UUID captured;
    private CapturedSql linesOfInvoice;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        invoices = sample(owner, "invoices");
        captured = invoices.getFirst();
        linesOfInvoice = capture(tx -> tx.invoices().lineItems(InvoiceId.of(captured)));
    }

    @Benchmark
    public Object lineItems() {
        UUID invoice = anyOf(invoices);
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, tx -> tx.invoices().lineItems(InvoiceId.of(invoice)));
            case JDBC, JDBC_WITHOUT_RLS, PER_ROW_POLICY, NO_INDEXES ->
                    replay(variant, linesOfInvoice, Map.of(captured, invoice));
            case HIBERNATE -> peer().lineItems(tenantUuid(), invoice);
            default -> throw notMeasured(variant);
        };
    }
}
