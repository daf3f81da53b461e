package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Issuing an invoice, which is where it gets its number since V11, beside the seeds' "generate
 * invoice number", and the same under 1, 4 and 16 threads. Each of our invocations issues one
 * draft made for it beforehand ({@link Drafts}, not measured) in the tenant's default series and
 * commits:
 * <ul>
 *   <li>{@code REPOSITORY}: {@code tx.invoices().issue(id, version)}, ours;</li>
 *   <li>{@code JDBC}: the SQL it sends (the draft locked and read, {@code issue_invoice}, read back),
 *       see {@link IssueSql};</li>
 *   <li>{@code JDBC_WITHOUT_RLS}: the same as a superuser;</li>
 *   <li>{@code MAX_PLUS_ONE}: the seeds' code, which issues no draft: read the tenant's highest number
 *       ({@code order by invoice_number desc limit 1}), add one, insert it into
 *       {@code baseline.invoice_numbers} (a copy of every invoice number, indexed, not unique).</li>
 * </ul>
 * Our numbers are stored on the invoices, whose unique constraint would refuse a duplicate rather
 * than keep it; so that the report counts them as it counts the seeds' (duplicates included), the
 * cleanup copies them into {@code baseline.allocated_numbers}, which has none, before it removes
 * the invoices and puts the series counters back.
 */
public class InvoiceNumber extends BenchmarkDatabase {

    /** Tenants the {@code many_tenants} threads spread over, the largest first: one per thread. */
    private static final int SPREAD = 16;

    private static final String MARK = "issuing benchmark";
    private static final String HIGHEST = """
            select invoice_number from baseline.invoice_numbers
            where user_id = ?
            order by invoice_number desc
            limit 1""";
    private static final String TAKE_NUMBER = "insert into baseline.invoice_numbers (user_id, invoice_number) values (?, ?)";
    private static final String LOG_NUMBERS = """
            insert into baseline.allocated_numbers (user_id, invoice_number)
            select user_id, invoice_number from invoices where notes = ? and invoice_number is not null""";

    private List<UUID> spreadTenants;
    private BenchmarkInvoices invoices;
    private SeriesCounters countersBefore;

    @Override
    protected void prepare(Connection owner) throws SQLException {
        spreadTenants = ids(owner, "select user_id from baseline.tenants order by rank limit " + SPREAD);
        invoices = new BenchmarkInvoices(MARK, currency, taxRate, LocalDate.now(clock));
        Set<UUID> issuing = new LinkedHashSet<>(spreadTenants);
        issuing.add(tenantUuid());
        countersBefore = SeriesCounters.of(owner, issuing);
    }

    /**
     * The invoices issued would otherwise stay the tenants' newest in the list benchmarks that run
     * after this one, and their numbers taken.
     */
    @Override
    protected void cleanUp(Connection owner) throws SQLException {
        TenantSql.update(owner, LOG_NUMBERS, MARK);
        invoices.removeAll(owner, countersBefore);
    }

    /** All threads on one tenant (they queue on its series' counter row), or each thread on its own. */
    @Param({Parameters.ONE_TENANT, Parameters.MANY_TENANTS})
    public String spread;

    @Param({"REPOSITORY", "JDBC", "JDBC_WITHOUT_RLS", "MAX_PLUS_ONE"})
    public Variant variant;

    /** The tenant the thread of {@code threadIndex} issues (or allocates) for. */
    UUID tenantOf(int threadIndex) {
        return switch (spread) {
            case Parameters.ONE_TENANT -> tenantUuid();
            case Parameters.MANY_TENANTS -> spreadTenants.get(threadIndex % spreadTenants.size());
            default -> throw new IllegalArgumentException("spread must be one_tenant or many_tenants, was " + spread);
        };
    }

    /** The tenant one benchmark thread issues (or allocates) for. */
    @State(Scope.Thread)
    public static class ThreadTenant {

        UUID tenant;

        @Setup(Level.Trial)
        public void pickTenant(InvoiceNumber benchmark, ThreadParams thread) {
            tenant = benchmark.tenantOf(thread.getThreadIndex());
        }
    }

    /**
     * The drafts the threads issue in an iteration, made before it starts, so that an invocation
     * measures the issue alone: one pool per tenant, shared by the threads that issue for it (how
     * an iteration's issues fall on the threads varies, those queuing on one counter row take
     * turns unevenly; their total varies much less). How many an iteration takes is known only
     * afterwards: each makes {@value #HEADROOM} times the most its tenant took in an iteration so
     * far, or its threads' share of the most all took, whichever is more, and at least a first
     * guess. Should a pool still run dry, the invocation that finds it so makes the next drafts,
     * and measures making them too: allowed in warm-up, a failure in a measured iteration.
     */
    @State(Scope.Benchmark)
    public static class Drafts {

        /**
         * Seen in smoke runs: a warm-up iteration issues about half as many as a measured one (cold
         * code, the pool's connections still opening), and a tenant's part of an iteration's issues
         * varies by about as much again between iterations; 8 leaves twice that.
         */
        private static final int HEADROOM = 8;
        /** The first guess: one issue every half millisecond over all threads, more than any machine so far. */
        private static final double FIRST_GUESS_PER_MILLISECOND = 2;
        private static final int AT_LEAST = 16;

        private final Map<UUID, Pool> pools = new HashMap<>();
        private int mostTakenByAll;

        @Setup(Level.Iteration)
        public void makeDrafts(InvoiceNumber benchmark, BenchmarkParams run, IterationParams iteration)
                throws SQLException {
            if (!benchmark.issuesDrafts()) {
                return;
            }
            int threads = run.getThreads();
            Map<UUID, Long> threadsOfTenant = IntStream.range(0, threads).mapToObj(benchmark::tenantOf)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long millis = iteration.getTime().convertTo(TimeUnit.MILLISECONDS);
            for (var tenant : threadsOfTenant.entrySet()) {
                double share = (double) tenant.getValue() / threads;
                Pool pool = pools.computeIfAbsent(tenant.getKey(), id -> new Pool(benchmark, id));
                int guess = (int) (FIRST_GUESS_PER_MILLISECOND * millis * share);
                int seen = Math.max(pool.mostTaken, (int) Math.ceil(mostTakenByAll * share));
                pool.fillUpTo(Math.max(AT_LEAST, Math.max(guess, HEADROOM * seen)));
            }
        }

        UUID take(UUID tenant) throws SQLException {
            return pools.get(tenant).take();
        }

        @TearDown(Level.Iteration)
        public void countAndCheckNoneRanDry(IterationParams iteration) {
            mostTakenByAll = Math.max(mostTakenByAll, pools.values().stream().mapToInt(Pool::taken).sum());
            int ranDry = pools.values().stream().mapToInt(Pool::endIteration).sum();
            if (ranDry > 0 && iteration.getType() == IterationType.MEASUREMENT) {
                throw new IllegalStateException("the drafts ran out " + ranDry + " times in a measured iteration, whose "
                        + "samples then include making more: raise Drafts.HEADROOM");
            }
        }
    }

    /** One tenant's drafts ready to issue, taken by any number of threads. */
    private static final class Pool {

        private final InvoiceNumber benchmark;
        private final UUID tenant;
        private final Queue<UUID> ready = new ConcurrentLinkedQueue<>();
        private final AtomicInteger taken = new AtomicInteger();
        private final AtomicInteger ranDry = new AtomicInteger();
        private int mostTaken;

        Pool(InvoiceNumber benchmark, UUID tenant) {
            this.benchmark = benchmark;
            this.tenant = tenant;
        }

        void fillUpTo(int wanted) throws SQLException {
            int missing = wanted - ready.size();
            if (missing > 0) {
                ready.addAll(benchmark.makeDrafts(tenant, missing));
            }
        }

        UUID take() throws SQLException {
            int takenNow = taken.incrementAndGet();
            UUID draft = ready.poll();
            while (draft == null) {
                // As many again as taken so far: a pool that ran dry does so seldom in an iteration.
                ranDry.incrementAndGet();
                ready.addAll(benchmark.makeDrafts(tenant, takenNow));
                draft = ready.poll();
            }
            return draft;
        }

        int taken() {
            return taken.get();
        }

        /** Remembers what the iteration took and starts the next; returns how often it ran dry. */
        int endIteration() {
            mostTaken = Math.max(mostTaken, taken.getAndSet(0));
            return ranDry.getAndSet(0);
        }
    }

    @Benchmark
    public Object issue(ThreadTenant thread, Drafts drafts) throws SQLException {
        return switch (variant) {
            case REPOSITORY, JDBC, JDBC_WITHOUT_RLS -> issueDraft(thread.tenant, drafts.take(thread.tenant));
            case MAX_PLUS_ONE -> maxPlusOne(thread.tenant);
            default -> throw notMeasured(variant);
        };
    }

    /** Whether the variant issues the drafts of {@link Drafts}; the seeds' MAX()+1 takes a number without an invoice. */
    boolean issuesDrafts() {
        return variant != Variant.MAX_PLUS_ONE;
    }

    /**
     * One issue of a draft made for it first, as the {@link Drafts} state makes them before an
     * iteration: the benchmark method's work, without JMH's state objects.
     */
    @Override
    Invocation nextInvocation() throws SQLException {
        UUID tenant = tenantUuid();
        if (!issuesDrafts()) {
            return () -> maxPlusOne(tenant);
        }
        UUID draft = makeDrafts(tenant, 1).getFirst();
        return () -> issueDraft(tenant, draft);
    }

    private Object issueDraft(UUID tenant, UUID draft) {
        return switch (variant) {
            case REPOSITORY -> store.inTenant(TenantId.of(tenant), tx -> tx.invoices().issue(InvoiceId.of(draft), 0));
            case JDBC, JDBC_WITHOUT_RLS -> issueBySql(sql(variant), tenant, draft);
            default -> throw notMeasured(variant);
        };
    }

    private String issueBySql(TenantSql way, UUID tenant, UUID draft) {
        return way.inTransaction(tenant, tx -> IssueSql.issue(way, tx, tenant, draft, 0, LocalDate.now(clock)));
    }

    private String maxPlusOne(UUID tenant) {
        return perRowPolicy.inTransaction(tenant, tx -> {
            List<Object[]> highest = TenantSql.query(tx, HIGHEST, tenant);
            long next = highest.isEmpty() ? 1 : Long.parseLong(((String) highest.getFirst()[0]).substring(4)) + 1;
            String number = String.format(Locale.ROOT, "INV-%06d", next);
            TenantSql.update(tx, TAKE_NUMBER, tenant, number);
            return number;
        });
    }

    private List<UUID> makeDrafts(UUID tenant, int count) throws SQLException {
        return asOwner(owner -> invoices.drafts(owner, tenant, count));
    }
}
