package io.invoicekit.benchmarks.operations;

import io.invoicekit.benchmarks.data.DataSetPlan;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The seeds' "client search": clients whose name or email contains a fragment, ignoring case,
 * the first 20 by name. The fragment is in about one client name in sixty, so the search reads
 * well past its first matches in a large tenant.
 */
public class ClientSearch extends BenchmarkDatabase {

    private static final String FRAGMENT = DataSetPlan.CLIENT_SEARCH_FRAGMENT;
    private static final int LIMIT = 20;

    static final String SEARCH = """
            select clients.id, clients.name, clients.email, clients.payment_terms_days, clients.address,
                   clients.tax_id, clients.version
            from clients
            where (clients.user_id = cast(? as uuid)
                   and (lower(clients.name) like ? escape '\\' or lower(clients.email) like ? escape '\\'))
            order by lower(clients.name), clients.id
            fetch next ? rows only""";

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "PER_ROW_POLICY", "NO_INDEXES", "HIBERNATE"})
    public Variant variant;

    @Benchmark
    public Object search() {
        return switch (variant) {
            case REPOSITORY -> store.inTenant(tenantId, tx -> tx.clients().search(FRAGMENT, LIMIT));
            case JDBC, JDBC_WITHOUT_RLS, PER_ROW_POLICY, NO_INDEXES -> sql(variant).inTransaction(tenantUuid(),
                    tx -> TenantSql.query(tx, SEARCH, parameters(tenantUuid())));
            case HIBERNATE -> peer().searchClients(tenantUuid(), FRAGMENT, LIMIT);
            default -> throw notMeasured(variant);
        };
    }

    /** The repository's pattern: the fragment, lower case, anywhere in name or email. */
    static Object[] parameters(UUID tenant) {
        String pattern = "%" + FRAGMENT + "%";
        return new Object[] {tenant, pattern, pattern, LIMIT};
    }
}
