package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.Page;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** The seeds' "get 1000 invoices": a tenant's newest 1000 invoices, each with its lines. */
public class InvoicesOfTenant extends BenchmarkDatabase {

    static final int LIMIT = 1000;

    // The repository fetches one more row than the page to know whether another page follows.
    private static final String NEWEST_WHERE = """
            where invoices.user_id = cast(? as uuid)
            order by invoices.issue_date desc, invoices.id desc
            fetch next ? rows only""";
    static final String NEWEST = InvoiceQueries.SELECT_INVOICES + NEWEST_WHERE;
    private static final String NEWEST_WITHOUT_LINES = InvoiceQueries.SELECT_INVOICES_WITHOUT_LINES + NEWEST_WHERE;

    @Benchmark
    public Page<Invoice> repository() {
        return store.inTenant(tenantId, tx -> tx.invoices().list(InvoiceFilter.all(), LIMIT));
    }

    @Benchmark
    public List<Object[]> jdbc() {
        return newest(jdbc);
    }

    @Benchmark
    public List<Object[]> jdbcWithoutRls() {
        return newest(jdbcWithoutRls);
    }

    @Benchmark
    public List<Object[]> perRowPolicy() {
        return newest(perRowPolicy);
    }

    /**
     * The seeds' query, without lines: without an index the lines' correlated lookup reads all of
     * line_items once per invoice (about 50 s a call at the small scale), and the seeds' "before"
     * did not nest lines either.
     */
    @Benchmark
    public List<Object[]> noIndexes() {
        return newest(noIndexes, NEWEST_WITHOUT_LINES);
    }

    @Benchmark
    public List<Object[]> withoutLines() {
        return newest(jdbc, NEWEST_WITHOUT_LINES);
    }

    private List<Object[]> newest(TenantSql way) {
        return newest(way, NEWEST);
    }

    private List<Object[]> newest(TenantSql way, String sql) {
        return way.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, sql, tenantUuid(), LIMIT + 1));
    }
}
