package io.invoicekit.benchmarks.operations;

import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.rls.TenantSigning;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * EXPLAIN ANALYZE of the read benchmarks' SQL for the largest tenant, as the application role
 * with the tenant set as the store sets it, signed (the plans our users get: under row-level security only leakproof
 * operators can become index conditions ahead of the policy) and as the superuser (RLS off), so
 * that a miss in the report comes with the plan that explains it. Each query runs once first to
 * warm the cache; the second run's plan is kept.
 */
public final class QueryPlans {

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
        UUID invoice;
        try (Connection owner = target.owner().connect()) {
            tenant = BenchmarkDatabase.ids(owner, "select user_id from baseline.tenants where rank = 1").getFirst();
            invoice = BenchmarkDatabase.ids(owner, "select id from invoices where user_id = ? order by md5(id::text) limit 1",
                    tenant).getFirst();
        }
        List<Query> queries = List.of(
                new Query(InvoicesOfTenant.class, InvoicesOfTenant.NEWEST, new Object[] {tenant, InvoiceList.LIMIT + 1}),
                new Query(LineItemsOfInvoice.class, LineItemsOfInvoice.LINES_OF_INVOICE, new Object[] {tenant, invoice}),
                new Query(InvoicesByStatus.class, InvoicesByStatus.OVERDUE,
                        InvoicesByStatus.parameters(tenant, DataSetPlan.AS_OF)),
                new Query(ClientSearch.class, ClientSearch.SEARCH, ClientSearch.parameters(tenant)));
        TenantSql application = TenantSql.asTheStore(target.application().dataSource(),
                TenantSigning.signed(BenchmarkDatabase.tenantKey(target)));
        TenantSql owner = TenantSql.withoutTenant(target.owner().dataSource());
        List<Plan> plans = new ArrayList<>();
        for (Query query : queries) {
            plans.add(query.explain(application, tenant, "application role (RLS, signed tenant)"));
            plans.add(query.explain(owner, tenant, "superuser (RLS off)"));
        }
        return plans;
    }

    private record Query(Class<? extends BenchmarkDatabase> benchmark, String sql, Object[] parameters) {

        Plan explain(TenantSql way, UUID tenant, String role) {
            String text = way.inTransaction(tenant, tx -> {
                TenantSql.query(tx, sql, parameters);
                StringBuilder plan = new StringBuilder();
                for (Object[] line : TenantSql.query(tx, "explain (analyze, buffers) " + sql, parameters)) {
                    plan.append(line[0]).append('\n');
                }
                return plan.toString();
            });
            return new Plan(benchmark, role, text);
        }
    }
}
