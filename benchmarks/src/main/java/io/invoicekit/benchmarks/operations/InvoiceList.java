package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.persistence.Page;
import io.invoicekit.persistence.TenantTransaction;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A list screen's query: a tenant's newest {@value #LIMIT} invoices of some kind, each with its
 * lines. The subclasses say which invoices (the repository's filter, and the WHERE clause and
 * parameters of the seeds' query); the variants are the same for each.
 */
public abstract class InvoiceList extends BenchmarkDatabase {

    static final int LIMIT = 1000;

    private final String withoutLines;
    private CapturedSql captured;

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "NO_INDEXES", "WITHOUT_LINES", "HIBERNATE"})
    public Variant variant;

    /**
     * @param where the WHERE clause, ORDER BY and FETCH of the seeds' query (without lines), as the
     *              repository sends them; it fetches one more row than the page to know whether another follows
     */
    InvoiceList(String where) {
        withoutLines = InvoiceQueries.SELECT_INVOICES_WITHOUT_LINES + where;
    }

    /** The repository's list. */
    abstract Page<Invoice> listIn(TenantTransaction transaction);

    /** The Hibernate peer's list of the same invoices. */
    abstract Object listByPeer();

    /** The parameters of the seeds' query's WHERE clause, for this benchmark's tenant. */
    abstract Object[] parameters();

    @Override
    protected void prepare(Connection owner) {
        captured = capture(this::listIn);
    }

    @Benchmark
    public Object list() {
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, this::listIn);
            case JDBC, JDBC_WITHOUT_RLS, PER_ROW_POLICY -> replay(variant, captured, Map.of());
            /*
             * The seeds' query, without lines: without an index the lines' correlated lookup reads all of
             * line_items once per invoice (about 50 s a call at the small scale), and the seeds' "before"
             * did not nest lines either.
             */
            case NO_INDEXES -> list(noIndexes, withoutLines);
            case WITHOUT_LINES -> list(jdbc, withoutLines);
            case HIBERNATE -> listByPeer();
            default -> throw notMeasured(variant);
        };
    }

    private List<Object[]> list(TenantSql way, String sql) {
        return way.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, sql, parameters()));
    }
}
