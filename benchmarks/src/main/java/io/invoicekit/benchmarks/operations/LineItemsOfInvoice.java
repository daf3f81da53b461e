package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.LineItem;
import io.invoicekit.core.tenant.InvoiceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;

/** The seeds' "get line items": the lines of one invoice, a different one of the tenant's each time. */
public class LineItemsOfInvoice extends BenchmarkDatabase {

    static final String LINES_OF_INVOICE = "select " + InvoiceQueries.LINES + """

            from invoices
            where (invoices.user_id = cast(? as uuid) and invoices.id = cast(? as uuid))""";

    private List<UUID> invoices;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        invoices = sample(owner, "invoices");
    }

    @Benchmark
    public List<LineItem> repository() {
        InvoiceId invoice = InvoiceId.of(anyOf(invoices));
        return store.inTenant(tenantId, tx -> tx.invoices().lineItems(invoice));
    }

    @Benchmark
    public List<Object[]> jdbc() {
        return lines(jdbc);
    }

    @Benchmark
    public List<Object[]> jdbcWithoutRls() {
        return lines(jdbcWithoutRls);
    }

    @Benchmark
    public List<Object[]> perRowPolicy() {
        return lines(perRowPolicy);
    }

    @Benchmark
    public List<Object[]> noIndexes() {
        return lines(noIndexes);
    }

    private List<Object[]> lines(TenantSql way) {
        UUID invoice = anyOf(invoices);
        return way.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, LINES_OF_INVOICE, tenantUuid(), invoice));
    }
}
