package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often one invocation of each benchmark calls {@code public.current_tenant_id()}, counted
 * by the server, outside JMH and after it: what the signed context multiplies its verification
 * by. The policies call it once per statement and policy (an InitPlan); the functions and per-row
 * triggers that check the tenant themselves ({@code issue_invoice}, the line and payment guards,
 * ...) once per call or row; and {@code require_tenant()}'s {@code tenant_refusal()}, in the statement that sets the tenant,
 * once more.
 *
 * <p>Counted with {@code track_functions = pl} (a superuser's setting) for the application login
 * in this database, set while counting and reset afterwards: each case runs {@value #TIMES} times
 * ({@link OutsideJmh}: signed, largest tenant) on connections opened for it, which are then
 * closed; a backend flushes its function statistics as it exits, before it leaves
 * {@code pg_stat_activity}, so once none of the login's is left, {@code pg_stat_user_functions}
 * holds every call they made.
 */
public final class TenantCalls {

    private static final int TIMES = 10;
    private static final String CALLS = """
            select coalesce((select calls from pg_stat_user_functions
                             where funcid = 'public.current_tenant_id()'::regprocedure), 0)""";
    private static final String BACKENDS = """
            select count(*) from pg_stat_activity where usename = ? and datname = current_database()""";

    private TenantCalls() {
    }

    /**
     * Calls per invocation of each case; leaves {@code track_functions} of the login as it was.
     *
     * @param cases what to count, in the order the map returned keeps
     */
    public static Map<BenchmarkCase, Double> count(BenchmarkTarget target, List<BenchmarkCase> cases)
            throws SQLException {
        String login = target.application().user();
        String setting = "alter role " + quote(login) + " in database " + quote(target.owner().database());
        Map<BenchmarkCase, Double> counts = new LinkedHashMap<>();
        try (Connection owner = target.owner().connect()) {
            TenantSql.update(owner, setting + " set track_functions = 'pl'");
            try {
                for (BenchmarkCase benchmarkCase : cases) {
                    counts.put(benchmarkCase, count(owner, login, target, benchmarkCase));
                }
            } finally {
                TenantSql.update(owner, setting + " reset track_functions");
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static double count(Connection owner, String login, BenchmarkTarget target, BenchmarkCase benchmarkCase)
            throws SQLException {
        waitForNoBackends(owner, login);
        long before = calls(owner);
        try (OutsideJmh benchmark = OutsideJmh.connect(benchmarkCase, target)) {
            for (int i = 0; i < TIMES; i++) {
                benchmark.invokeOnce();
            }
        }
        waitForNoBackends(owner, login);
        return (double) (calls(owner) - before) / TIMES;
    }

    private static long calls(Connection owner) throws SQLException {
        return (Long) TenantSql.query(owner, CALLS).getFirst()[0];
    }

    /** Until every backend of {@code login} has exited, and so flushed its statistics. */
    private static void waitForNoBackends(Connection owner, String login) throws SQLException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((Long) TenantSql.query(owner, BACKENDS, login).getFirst()[0] > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("connections of " + login + " still open after 30 s: cannot count "
                        + "current_tenant_id() calls");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting current_tenant_id() calls", e);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
