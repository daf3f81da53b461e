package io.invoicekit.benchmarks.operations;

import io.invoicekit.benchmarks.data.DataSetPlan;
import java.sql.Connection;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The seeds' "client search": clients whose name or email contains a fragment, ignoring case,
 * the first 20 by name. The fragment is in about one client name in sixty, so the search reads
 * well past its first matches in a large tenant.
 *
 * <p>No per-row-policy variant: the repository's search (V18) reads {@code client_search_trigrams},
 * which the baseline schema does not copy, so on the baseline it would mix our policy's table with
 * the seeds' policy's copies and measure neither.
 */
public class ClientSearch extends BenchmarkDatabase {

    private static final String FRAGMENT = DataSetPlan.CLIENT_SEARCH_FRAGMENT;
    private static final int LIMIT = 20;

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "NO_INDEXES", "HIBERNATE"})
    public Variant variant;

    private CapturedSql search;

    @Override
    protected void prepare(Connection owner) {
        search = capture(tx -> tx.clients().search(FRAGMENT, LIMIT));
    }

    @Benchmark
    public Object search() {
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, tx -> tx.clients().search(FRAGMENT, LIMIT));
            case JDBC, JDBC_WITHOUT_RLS, NO_INDEXES -> replay(variant, search, Map.of());
            case HIBERNATE -> peer().searchClients(tenantUuid(), FRAGMENT, LIMIT);
            default -> throw notMeasured(variant);
        };
    }
}
