package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.tenant.InvoiceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The seeds' "get line items": the lines of one invoice, a different one of the tenant's each time. */
public class LineItemsOfInvoice extends BenchmarkDatabase {

    static final String LINES_OF_INVOICE = "select " + InvoiceQueries.LINES + """

            from invoices
            where (invoices.user_id = cast(? as uuid) and invoices.id = cast(? as uuid))""";

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "NO_INDEXES", "HIBERNATE"})
    public Variant variant;

    private List<UUID> invoices;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        invoices = sample(owner, "invoices");
    }

    @Benchmark
    public Object lineItems() {
        UUID invoice = anyOf(invoices);
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, tx -> tx.invoices().lineItems(InvoiceId.of(invoice)));
            case JDBC, JDBC_WITHOUT_RLS, PER_ROW_POLICY, NO_INDEXES -> sql(variant).inTransaction(tenantUuid(),
                    tx -> TenantSql.query(tx, LINES_OF_INVOICE, tenantUuid(), invoice));
            case HIBERNATE -> peer().lineItems(tenantUuid(), invoice);
            default -> throw notMeasured(variant);
        };
    }
}
