package io.invoicekit.benchmarks.operations;

import io.invoicekit.rls.TenantSigning;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * EXPLAIN ANALYZE of the read benchmarks' SQL for the largest tenant, as the application role
 * with the tenant set as the store sets it, signed (the plans our users get: under row-level security only leakproof
 * operators can become index conditions ahead of the policy) and as the superuser (RLS off), so
 * that a miss in the report comes with the plan that explains it. The SQL is what each benchmark
 * class captured from the repository at its setup ({@link OutsideJmh}: largest tenant, signed).
 * Each query runs once first to warm the cache; the second run's plan is kept.
 */
public final class QueryPlans {

    private static final List<Class<? extends BenchmarkDatabase>> EXPLAINED = List.of(InvoicesOfTenant.class,
            LineItemsOfInvoice.class, InvoicesByStatus.class, ClientSearch.class);

    private QueryPlans() {
    }

    /**
     * One plan.
     *
     * @param benchmark the benchmark class whose SQL it is
     * @param role      who ran it
     */
    public record Plan(Class<? extends BenchmarkDatabase> benchmark, String role, String text) {
    }

    public static List<Plan> explain(BenchmarkTarget target) throws SQLException {
        UUID tenant;
        try (Connection owner = target.owner().connect()) {
            tenant = BenchmarkDatabase.ids(owner, "select user_id from baseline.tenants where rank = 1").getFirst();
        }
        TenantSql application = TenantSql.asTheStore(target.application().dataSource(),
                TenantSigning.signed(BenchmarkDatabase.tenantKey(target)));
        TenantSql owner = TenantSql.withoutTenant(target.owner().dataSource());
        List<Plan> plans = new ArrayList<>();
        for (Class<? extends BenchmarkDatabase> benchmark : EXPLAINED) {
            CapturedSql sql;
            try (OutsideJmh setUp = OutsideJmh.connect(new BenchmarkCase(benchmark, Variant.JDBC), target)) {
                sql = setUp.captured();
            }
            plans.add(explain(benchmark, sql, application, tenant, "application role (RLS, signed tenant)"));
            plans.add(explain(benchmark, sql, owner, tenant, "superuser (RLS off)"));
        }
        return plans;
    }

    private static Plan explain(Class<? extends BenchmarkDatabase> benchmark, CapturedSql sql, TenantSql way,
                                UUID tenant, String role) {
        CapturedSql explained = sql.explained();
        String text = way.inTransaction(tenant, tx -> {
            sql.replay(tx, Map.of());
            StringBuilder plan = new StringBuilder();
            for (Object[] line : explained.replay(tx, Map.of())) {
                plan.append(line[0]).append('\n');
            }
            return plan.toString();
        });
        return new Plan(benchmark, role, text);
    }
}
