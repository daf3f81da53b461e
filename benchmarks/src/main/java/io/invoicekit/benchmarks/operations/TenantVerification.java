package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The cost of one verification of the tenant context, isolated: one statement that calls
 * {@code public.current_tenant_id()} {@value #CALLS} times (a STABLE function in the select
 * list is called for every row, as a per-row trigger calls it), in a tenant transaction as the
 * application role, against the same count over V14's plain function body written inline. Per
 * call, the difference of two medians divided by {@value #CALLS}; the rest of the transaction (set
 * the tenant, the round trips, commit) is the same in each and cancels out.
 * <ul>
 *   <li>{@code CURRENT_TENANT_ID}, {@code signed}: with the store's signed token, which each call verifies
 *       (the key looked up in {@code tenant_keys}, HMAC-SHA256 of four core {@code sha256()});</li>
 *   <li>{@code CURRENT_TENANT_ID}, {@code unsigned}: the bare {@code app.user_id} in compatibility mode (no
 *       token, so the mode is looked up in {@code tenant_context_mode});</li>
 *   <li>{@code PLAIN_BODY}: V14's {@code current_tenant_id()}, {@code nullif(current_setting('app.user_id',
 *       true), '')::uuid}, inline (what the planner made of that SQL function), with the bare
 *       {@code app.user_id} set the seeds' way: what every call cost before V15.</li>
 * </ul>
 * Each statement checks that every call gave a tenant: a count below {@value #CALLS} would
 * measure a refused token instead of a verified one.
 */
public class TenantVerification extends BenchmarkDatabase {

    /** Calls per statement, as the report divides by. */
    public static final int CALLS = 10_000;

    private static final String CURRENT_TENANT_ID_CALLS = "select count(public.current_tenant_id()) from generate_series(1, "
            + CALLS + ")";
    private static final String PLAIN_BODY_CALLS = "select count(nullif(pg_catalog.current_setting('app.user_id', true), '')"
            + "::pg_catalog.uuid) from generate_series(1, " + CALLS + ")";

    @Param({"CURRENT_TENANT_ID", "PLAIN_BODY"})
    public Variant variant;

    /** The application role's connections, the tenant set as the bare {@code app.user_id}. */
    private TenantSql bareUserId;

    @Override
    protected void prepare(Connection owner) {
        bareUserId = TenantSql.asTheSeeds(application);
    }

    @Benchmark
    public long verify() {
        return switch (variant) {
            case CURRENT_TENANT_ID -> count(jdbc, CURRENT_TENANT_ID_CALLS);
            case PLAIN_BODY -> count(bareUserId, PLAIN_BODY_CALLS);
            default -> throw notMeasured(variant);
        };
    }

    private long count(TenantSql way, String sql) {
        long counted = way.inTransaction(tenantUuid(), tx -> (Long) TenantSql.query(tx, sql).getFirst()[0]);
        if (counted != CALLS) {
            throw new IllegalStateException(counted + " of " + CALLS + " calls gave a tenant (" + context
                    + " context): the benchmark would not measure verifications");
        }
        return counted;
    }
}
