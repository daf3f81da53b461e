package io.invoicekit.benchmarks.operations;

import io.invoicekit.persistence.TenantTransaction;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A list screen's rows without documents: a tenant's newest {@value InvoiceList#LIMIT} invoice
 * summaries of some kind (number, client name, dates, total, balance, status), the shape a screen
 * shows. The subclasses say which invoices; beside the JDBC variants of the repository's query,
 * the seeds' query ({@code SELECT * FROM invoices WHERE ...}, the same WHERE as the lists') and
 * the Hibernate peer's DTO projection.
 */
public abstract class SummaryList extends BenchmarkDatabase {

    private final String seedsQuery;
    private CapturedSql captured;

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "WITHOUT_LINES", "HIBERNATE"})
    public Variant variant;

    /** @param where the lists' WHERE clause, ORDER BY and FETCH, whose parameters {@link #parameters} gives */
    SummaryList(String where) {
        seedsQuery = InvoiceQueries.SELECT_INVOICES_WITHOUT_LINES + where;
    }

    /** The repository's summaries. */
    abstract Object summariesIn(TenantTransaction transaction);

    abstract Object byPeer();

    abstract Object[] parameters();

    @Override
    protected void prepare(Connection owner) {
        captured = capture(this::summariesIn);
    }

    @Benchmark
    public Object summaries() {
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, this::summariesIn);
            case JDBC, JDBC_WITHOUT_RLS, PER_ROW_POLICY -> replay(variant, captured, Map.of());
            case WITHOUT_LINES -> seedsQuery();
            case HIBERNATE -> byPeer();
            default -> throw notMeasured(variant);
        };
    }

    private List<Object[]> seedsQuery() {
        return jdbc.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, seedsQuery, parameters()));
    }
}
