package io.invoicekit.benchmarks.operations;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A list screen's rows without documents: a tenant's newest {@value InvoiceList#LIMIT} invoice
 * summaries of some kind (number, client name, dates, total, balance, status), the shape a screen
 * shows. The subclasses say which invoices; the seeds' query ({@code SELECT * FROM invoices WHERE
 * ...}, the same WHERE as the lists') is the baseline, beside the Hibernate peer's DTO projection.
 */
public abstract class SummaryList extends BenchmarkDatabase {

    private final String seedsQuery;

    @Param({"REPOSITORY", "WITHOUT_LINES", "HIBERNATE"})
    public Variant variant;

    /** @param where the lists' WHERE clause, ORDER BY and FETCH, whose parameters {@link #parameters} gives */
    SummaryList(String where) {
        seedsQuery = InvoiceQueries.SELECT_INVOICES_WITHOUT_LINES + where;
    }

    abstract Object byRepository();

    abstract Object byPeer();

    abstract Object[] parameters();

    @Benchmark
    public Object summaries() {
        return switch (variant) {
            case REPOSITORY -> byRepository();
            case WITHOUT_LINES -> seedsQuery();
            case HIBERNATE -> byPeer();
            default -> throw notMeasured(variant);
        };
    }

    private List<Object[]> seedsQuery() {
        return jdbc.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, seedsQuery, parameters()));
    }
}
