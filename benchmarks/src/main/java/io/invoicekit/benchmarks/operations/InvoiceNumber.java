package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The seeds' "generate invoice number", and the same under 1, 4 and 16 threads. Every variant
 * allocates a number and stores it in a table without a unique constraint, then commits, so that
 * the report can count duplicates afterwards the same way for all of them:
 * <ul>
 *   <li>{@code jdbc}: ours, an empty draft inserted, which the database numbers from the tenant's
 *       counter row (updated under its row lock), the number logged to
 *       {@code baseline.allocated_numbers};</li>
 *   <li>{@code jdbcWithoutRls}: the same as a superuser;</li>
 *   <li>{@code maxPlusOne}: the seeds' code: read the tenant's highest number
 *       ({@code order by invoice_number desc limit 1}), add one, insert it into
 *       {@code baseline.invoice_numbers} (a copy of every invoice number, indexed, not unique).</li>
 * </ul>
 * Each variant so stores one row per number. There is no repository variant: the repository
 * numbers invoices only inside {@code createDraft}, measured by {@link CreateInvoice}.
 */
public class InvoiceNumber extends BenchmarkDatabase {

    /** Tenants the {@code many_tenants} threads spread over, the largest first: one per thread. */
    private static final int SPREAD = 16;

    private static final String LOG_NUMBER = "insert into baseline.allocated_numbers (user_id, invoice_number) values (?, ?)";
    private static final String HIGHEST = """
            select invoice_number from baseline.invoice_numbers
            where user_id = ?
            order by invoice_number desc
            limit 1""";
    private static final String TAKE_NUMBER = "insert into baseline.invoice_numbers (user_id, invoice_number) values (?, ?)";
    private static final String MARK = "numbering benchmark";
    private static final String NUMBER_EMPTY_DRAFT = """
            insert into invoices (user_id, id, client_id, currency, issue_date, due_date, notes)
            values (cast(? as uuid), gen_random_uuid(), cast(? as uuid), ?, current_date, current_date, ?)
            returning invoices.invoice_number""";
    private static final String FIRST_CLIENT = "select id from clients where user_id = ? order by id limit 1";

    private List<UUID> spreadTenants;
    private Map<UUID, UUID> clientOf;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        spreadTenants = ids(owner, "select user_id from baseline.tenants order by rank limit " + SPREAD);
        clientOf = new HashMap<>();
        for (UUID tenant : spreadTenants) {
            clientOf.put(tenant, ids(owner, FIRST_CLIENT, tenant).getFirst());
        }
        clientOf.put(tenantUuid(), ids(owner, FIRST_CLIENT, tenantUuid()).getFirst());
    }

    /**
     * The drafts that carried the numbers would otherwise be the tenants' newest invoices in the
     * list benchmarks that run after this one.
     */
    @Override
    protected void cleanUp(Connection owner) throws SQLException {
        TenantSql.update(owner, "delete from invoices where notes = ?", MARK);
    }

    /** The tenant one benchmark thread allocates for. */
    @State(Scope.Thread)
    public static class Allocator {

        /** All threads on one tenant (they queue on its counter row), or each thread on its own. */
        @Param({"one_tenant", "many_tenants"})
        public String spread;

        UUID tenant;

        @Setup(Level.Trial)
        public void pickTenant(InvoiceNumber benchmark, ThreadParams thread) {
            tenant = switch (spread) {
                case "one_tenant" -> benchmark.tenantUuid();
                case "many_tenants" -> benchmark.spreadTenants.get(thread.getThreadIndex() % benchmark.spreadTenants.size());
                default -> throw new IllegalArgumentException("spread must be one_tenant or many_tenants, was " + spread);
            };
        }
    }

    @Benchmark
    public String jdbc(Allocator allocator) {
        return allocate(jdbc, allocator.tenant);
    }

    @Benchmark
    public String jdbcWithoutRls(Allocator allocator) {
        return allocate(jdbcWithoutRls, allocator.tenant);
    }

    @Benchmark
    public String maxPlusOne(Allocator allocator) {
        UUID tenant = allocator.tenant;
        return perRowPolicy.inTransaction(tenant, tx -> {
            List<Object[]> highest = TenantSql.query(tx, HIGHEST, tenant);
            long next = highest.isEmpty() ? 1 : Long.parseLong(((String) highest.getFirst()[0]).substring(4)) + 1;
            String number = String.format(Locale.ROOT, "INV-%06d", next);
            TenantSql.update(tx, TAKE_NUMBER, tenant, number);
            return number;
        });
    }

    private String allocate(TenantSql way, UUID tenant) {
        return way.inTransaction(tenant, tx -> {
            String number = (String) TenantSql.query(tx, NUMBER_EMPTY_DRAFT, tenant, clientOf.get(tenant),
                    currency.getCurrencyCode(), MARK).getFirst()[0];
            TenantSql.update(tx, LOG_NUMBER, tenant, number);
            return number;
        });
    }
}
