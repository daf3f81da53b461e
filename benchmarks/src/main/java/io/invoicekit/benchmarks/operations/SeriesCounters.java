package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The numbering counters of some tenants' series as a benchmark found them: issuing moves them on,
 * and a benchmark that removes the invoices it issued puts them back too
 * ({@link BenchmarkInvoices#removeAll}), so that the next one starts from the same numbers and the
 * same last issue date.
 */
final class SeriesCounters {

    private static final String READ = """
            select user_id, id, last_number, period_start, last_issue_date
            from invoice_series
            where user_id = any (cast(? as uuid[]))""";
    private static final String RESTORE = """
            update invoice_series
            set last_number = ?, period_start = ?, last_issue_date = ?
            where user_id = ? and id = ?""";

    /** Each row: user_id, id, last_number, period_start, last_issue_date. */
    private final List<Object[]> counters;

    private SeriesCounters(List<Object[]> counters) {
        this.counters = counters;
    }

    /** The counters of every series of {@code tenants}, read as the owner (who bypasses row-level security). */
    static SeriesCounters of(Connection owner, Collection<UUID> tenants) throws SQLException {
        return new SeriesCounters(TenantSql.query(owner, READ,
                (Object) tenants.stream().map(UUID::toString).toArray(String[]::new)));
    }

    /** Puts every counter back, in the owner's {@code transaction}. */
    void restore(Connection transaction) throws SQLException {
        for (Object[] counter : counters) {
            TenantSql.update(transaction, RESTORE, counter[2], counter[3], counter[4], counter[0], counter[1]);
        }
    }
}
