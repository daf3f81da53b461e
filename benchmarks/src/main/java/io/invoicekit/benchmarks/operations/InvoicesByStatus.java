package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The seeds' "filter by status", for the status that matters most: OVERDUE, derived from status,
 * due date and today (never stored), the newest 1000 of them with their lines.
 */
public class InvoicesByStatus extends BenchmarkDatabase {

    private static final String OVERDUE_WHERE = """
            where (invoices.user_id = cast(? as uuid) and invoices.status in (?, ?, ?)
                   and invoices.due_date < cast(? as date))
            order by invoices.issue_date desc, invoices.id desc
            fetch next ? rows only""";
    static final String OVERDUE = InvoiceQueries.SELECT_INVOICES + OVERDUE_WHERE;
    private static final String OVERDUE_WITHOUT_LINES = InvoiceQueries.SELECT_INVOICES_WITHOUT_LINES + OVERDUE_WHERE;

    @Benchmark
    public Page<Invoice> repository() {
        return store.inTenant(tenantId,
                tx -> tx.invoices().list(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), InvoicesOfTenant.LIMIT));
    }

    @Benchmark
    public List<Object[]> jdbc() {
        return overdue(jdbc);
    }

    @Benchmark
    public List<Object[]> jdbcWithoutRls() {
        return overdue(jdbcWithoutRls);
    }

    @Benchmark
    public List<Object[]> perRowPolicy() {
        return overdue(perRowPolicy);
    }

    /**
     * The seeds' query, without lines: without an index the lines' correlated lookup reads all of
     * line_items once per invoice (about 50 s a call at the small scale), and the seeds' "before"
     * did not nest lines either.
     */
    @Benchmark
    public List<Object[]> noIndexes() {
        return overdue(noIndexes, OVERDUE_WITHOUT_LINES);
    }

    @Benchmark
    public List<Object[]> withoutLines() {
        return overdue(jdbc, OVERDUE_WITHOUT_LINES);
    }

    private List<Object[]> overdue(TenantSql way) {
        return overdue(way, OVERDUE);
    }

    private List<Object[]> overdue(TenantSql way, String sql) {
        return way.inTransaction(tenantUuid(), tx -> TenantSql.query(tx, sql, parameters(tenantUuid(), today())));
    }

    /** OVERDUE as the repository defines it: awaiting payment, due before today. */
    static Object[] parameters(UUID tenant, LocalDate today) {
        return new Object[] {tenant, "sent", "viewed", "partially_paid", today, InvoicesOfTenant.LIMIT + 1};
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
