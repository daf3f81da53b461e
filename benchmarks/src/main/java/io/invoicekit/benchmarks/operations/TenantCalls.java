package io.invoicekit.benchmarks.operations;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How often one invocation of each benchmark calls {@code public.current_tenant_id()}, counted
 * by the server, outside JMH and after it: what the signed context multiplies its verification
 * by. The policies call it once per statement and policy (an InitPlan); the functions and per-row
 * triggers that check the tenant themselves ({@code issue_invoice}, the line and payment guards,
 * ...) once per call or row; and {@code tenant_refusal()}, in the statement that sets the tenant,
 * once more.
 *
 * <p>Counted with {@code track_functions = pl} (a superuser's setting) for the application login
 * in this database, set while counting and reset afterwards: each benchmark runs {@value #TIMES}
 * times, signed, largest tenant, on connections opened for it, which are then closed; a backend
 * flushes its function statistics as it exits, before it leaves {@code pg_stat_activity}, so once
 * none of the login's is left, {@code pg_stat_user_functions} holds every call they made.
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
     * Calls per invocation of one benchmark method.
     *
     * @param benchmark the benchmark class's simple name
     * @param method    the benchmark method: {@code repository}, {@code jdbc}, {@code calls}
     */
    public record Count(String benchmark, String method, double calls) {
    }

    private record Counted(String benchmark, Supplier<BenchmarkDatabase> create, List<String> methods) {
    }

    private static final List<Counted> COUNTED = List.of(
            new Counted("InvoicesOfTenant", InvoicesOfTenant::new, List.of("repository", "jdbc")),
            new Counted("LineItemsOfInvoice", LineItemsOfInvoice::new, List.of("repository", "jdbc")),
            new Counted("InvoicesByStatus", InvoicesByStatus::new, List.of("repository", "jdbc")),
            new Counted("ClientSearch", ClientSearch::new, List.of("repository", "jdbc")),
            new Counted("InvoiceNumber", InvoiceNumber::new, List.of("repository", "jdbc")),
            new Counted("CreateInvoice", CreateInvoice::new, List.of("repository", "jdbc")),
            new Counted("RecordPayment", RecordPayment::new, List.of("repository", "jdbc")),
            new Counted("TenantVerification", TenantVerification::new, List.of("calls")));

    /** Counts every benchmark's calls; leaves {@code track_functions} of the login as it was. */
    public static List<Count> count(BenchmarkTarget target) throws SQLException {
        String login = target.application().user();
        String setting = "alter role " + quote(login) + " in database " + quote(target.owner().database());
        List<Count> counts = new ArrayList<>();
        try (Connection owner = target.owner().connect()) {
            TenantSql.update(owner, setting + " set track_functions = 'pl'");
            try {
                for (Counted counted : COUNTED) {
                    for (String method : counted.methods()) {
                        counts.add(new Count(counted.benchmark(), method,
                                count(owner, login, target, counted.create().get(), method)));
                    }
                }
            } finally {
                TenantSql.update(owner, setting + " reset track_functions");
            }
        }
        return counts;
    }

    private static double count(Connection owner, String login, BenchmarkTarget target, BenchmarkDatabase benchmark,
                                String method) throws SQLException {
        benchmark.tenant = "largest";
        benchmark.context = "signed";
        if (benchmark instanceof InvoiceNumber issuing) {
            issuing.spread = "one_tenant";
        }
        waitForNoBackends(owner, login);
        long before = calls(owner);
        benchmark.connect(target);
        try {
            for (int i = 0; i < TIMES; i++) {
                invoke(benchmark, method);
            }
        } finally {
            benchmark.disconnect();
        }
        waitForNoBackends(owner, login);
        return (double) (calls(owner) - before) / TIMES;
    }

    private static void invoke(BenchmarkDatabase benchmark, String method) throws SQLException {
        if (benchmark instanceof InvoiceNumber issuing) {
            issuing.issueOne(method);
            return;
        }
        try {
            benchmark.getClass().getMethod(method).invoke(benchmark);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(benchmark.getClass().getSimpleName() + "." + method + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + benchmark.getClass().getSimpleName() + "." + method, e);
        }
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
