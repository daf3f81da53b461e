package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.DataSetLoader.LoadedDataSet;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.benchmarks.operations.QueryPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openjdk.jmh.results.RunResult;

/**
 * The report of one run as Markdown: the machine and data set, the seeds' table against ours,
 * every variant side by side with its ratios to the JDBC floor and to a round trip, invoice
 * numbers under concurrency with their duplicates, and each target met or missed.
 */
public final class Report {

    private static final double SEED_SPEED_UP_TARGET = 5;
    private static final double REPOSITORY_OVER_JDBC_TARGET = 1.2;
    private static final double RLS_OVER_NO_RLS_TARGET = 1.1;
    /** The most threads the concurrency runs use (see ReportRun). */
    private static final int THREADS_MAX = 16;

    private final Scale scale;
    private final DataSetPlan plan;
    private final LoadedDataSet loaded;
    private final Machine machine;
    private final String server;
    private final LocalDate date;
    private final List<Sample> samples;
    private final List<ConcurrencyRun> concurrency;
    private final List<QueryPlans.Plan> plans;

    public Report(Scale scale, DataSetPlan plan, LoadedDataSet loaded, Machine machine, String server, LocalDate date,
                  Collection<RunResult> operations, List<ConcurrencyRun> concurrency, List<QueryPlans.Plan> plans) {
        this.scale = scale;
        this.plan = plan;
        this.loaded = loaded;
        this.machine = machine;
        this.server = server;
        this.date = date;
        this.samples = operations.stream().map(Sample::of).toList();
        this.concurrency = List.copyOf(concurrency);
        this.plans = List.copyOf(plans);
    }

    /** Writes {@code <name>.md} and {@code <name>.png} into {@code directory}; returns the Markdown file. */
    public Path write(Path directory, String name) throws IOException {
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(markdown, markdown(name + ".png"));
        new Chart(samples, "largest", "invoicekit, " + scale.label() + " scale, largest tenant, " + date)
                .write(directory.resolve(name + ".png"));
        return markdown;
    }

    String markdown(String chartFile) {
        var out = new StringBuilder();
        Scale.Measurement m = scale.measurement();
        out.append("# invoicekit benchmarks: ").append(scale.label()).append(" scale, ").append(date).append("\n\n");
        out.append("- **Machine**: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(machine.memory()).append("; ").append(machine.os()).append('\n');
        out.append("- **JDK**: ").append(machine.jdk()).append('\n');
        out.append("- **Database**: ").append(machine.postgres()).append("; ").append(server).append('\n');
        out.append("- **Data set**: ").append(String.format(Locale.ROOT, "%,d tenants (Zipf sizes: the largest %,d invoices, the median %,d), ",
                plan.tenants().size(), plan.tenants().getFirst(), plan.tenants().get((plan.tenants().size() - 1) / 2)));
        loaded.rows().forEach((table, rows) -> out.append(String.format(Locale.ROOT, "%,d %s, ", rows, table)));
        out.append("seed ").append(plan.seed()).append(", today = ").append(plan.asOf())
                .append(loaded.reused() ? "; already in the database" : "; generated and loaded with COPY in "
                        + loaded.took().toSeconds() + " s").append('\n');
        out.append(String.format(Locale.ROOT, "- **JMH**: sample time, %d fork, %d × %d ms warm-up, %d × %d ms measured, "
                        + "one thread unless stated%n", m.forks(), m.warmupIterations(), m.warmupTime().toMillis(),
                m.measurementIterations(), m.measurementTime().toMillis()));
        out.append("\n![median and p99 per operation and variant](").append(chartFile).append(")\n");

        for (String tenant : tenants()) {
            seedTable(out, tenant);
        }
        for (String tenant : tenants()) {
            variantTable(out, tenant);
        }
        concurrencyTable(out);
        targets(out);
        out.append(VARIANTS);
        queryPlans(out);
        return out.toString();
    }

    private void seedTable(StringBuilder out, String tenant) {
        out.append("\n## The seeds' table against ours (").append(tenant).append(" tenant)\n\n");
        out.append("| operation | seeds' before | seeds' after | ours | ours median | ours p99 | speed-up vs after, median | p99 | ≥ 5× incl. p99 |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|:---:|\n");
        for (Operation operation : Operation.values()) {
            if (operation.seedAfterMillis().isEmpty()) {
                continue;
            }
            double after = operation.seedAfterMillis().getAsDouble();
            find(operation, operation.ours(), tenant).ifPresent(ours -> out.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", operation.title(),
                    millis(operation.seedBeforeMillis().getAsDouble() * 1000), millis(after * 1000), operation.ours().label(),
                    millis(ours.medianMicros()), millis(ours.p99Micros()), times(after * 1000 / ours.medianMicros()),
                    times(after * 1000 / ours.p99Micros()), ours.p99Micros() * SEED_SPEED_UP_TARGET <= after * 1000 ? "yes" : "**no**")));
        }
    }

    private void variantTable(StringBuilder out, String tenant) {
        out.append("\n## Every variant side by side (").append(tenant).append(" tenant)\n\n");
        out.append("| operation | variant | median | p99 | × JDBC floor | × SELECT 1 | seeds' after | speed-up vs after (p99) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        OptionalDouble roundTrip = find(Operation.ROUND_TRIP, Variant.SELECT_ONE, tenant)
                .map(sample -> OptionalDouble.of(sample.medianMicros())).orElse(OptionalDouble.empty());
        for (Operation operation : Operation.values()) {
            Optional<Sample> floor = find(operation, Variant.JDBC, tenant);
            for (Variant variant : Variant.values()) {
                find(operation, variant, tenant).ifPresent(sample -> out.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s |%n", operation.title(), variant.label(),
                        millis(sample.medianMicros()), millis(sample.p99Micros()),
                        floor.map(jdbc -> times(sample.medianMicros() / jdbc.medianMicros())).orElse("–"),
                        roundTrip.isPresent() ? times(sample.medianMicros() / roundTrip.getAsDouble()) : "–",
                        operation.seedAfterMillis().isPresent() ? millis(operation.seedAfterMillis().getAsDouble() * 1000) : "–",
                        operation.seedAfterMillis().isPresent()
                                ? times(operation.seedAfterMillis().getAsDouble() * 1000 / sample.p99Micros()) : "–")));
            }
        }
    }

    private void concurrencyTable(StringBuilder out) {
        out.append("\n## Invoice numbers under concurrency (ours: issue a draft, which numbers it; the seeds': "
                + "MAX()+1; commit)\n\n");
        out.append("Throughput is over all threads (threads ÷ mean latency). Allocations (numbers given) and duplicates "
                + "are counted in the database after each run, warm-up included, with the same query for both variants: "
                + "ours over the numbers of the invoices the run issued, the seeds' over the numbers MAX()+1 stored. "
                + "\"One per thread\" takes the largest tenants, one each; with fewer tenants than threads "
                + "(smoke has 10) threads share tenants again.\n\n");
        out.append("| tenants | threads | variant | median | p99 | ops/s | allocations | duplicates |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (ConcurrencyRun run : concurrency) {
            for (Sample sample : run.samples()) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %,.0f | %,d | %s |%n",
                        run.spread().equals("one_tenant") ? "one (largest)" : "one per thread",
                        run.threads(), sample.variant().label(), millis(sample.medianMicros()), millis(sample.p99Micros()),
                        sample.throughputPerSecond(), run.allocations(sample.variant()),
                        run.duplicates(sample.variant()) == 0 ? "0" : String.format(Locale.ROOT, "**%,d**",
                                run.duplicates(sample.variant()))));
            }
        }
    }

    private void targets(StringBuilder out) {
        out.append("\n## Targets (largest tenant)\n\n");
        if (scale != Scale.LARGE) {
            out.append("The targets are stated for the large scale (1,000,000 invoices); at ").append(scale.label())
                    .append(" they are indicative only.\n\n");
        }
        for (Operation operation : Operation.values()) {
            if (operation.seedAfterMillis().isEmpty()) {
                continue;
            }
            double after = operation.seedAfterMillis().getAsDouble() * 1000;
            find(operation, operation.ours(), "largest").ifPresent(ours -> verdict(out,
                    operation.title() + ": p99 at least 5× under the seeds' after (" + millis(after) + ")",
                    ours.p99Micros() * SEED_SPEED_UP_TARGET <= after, times(after / ours.p99Micros()) + " at p99"));
        }
        for (Operation operation : Operation.values()) {
            ratio(operation, Variant.REPOSITORY, Variant.JDBC).ifPresent(ratio -> verdict(out,
                    operation.title() + ": repository within 1.2× of hand-written JDBC", ratio <= REPOSITORY_OVER_JDBC_TARGET,
                    times(ratio) + " (medians)"));
        }
        Optional<Sample> roundTrip = find(Operation.ROUND_TRIP, Variant.SELECT_ONE, "largest");
        for (Operation operation : Operation.values()) {
            find(operation, Variant.JDBC, "largest").ifPresent(rls -> find(operation, Variant.JDBC_WITHOUT_RLS, "largest")
                    .ifPresent(noRls -> verdict(out, operation.title() + ": RLS within 1.1× of the explicit filter alone",
                            rls.medianMicros() <= RLS_OVER_NO_RLS_TARGET * noRls.medianMicros(),
                            times(rls.medianMicros() / noRls.medianMicros()) + " (medians, JDBC with RLS over JDBC as a superuser"
                                    + roundTrip.map(trip -> "; " + times((rls.medianMicros() - trip.medianMicros())
                                    / noRls.medianMicros()) + " less the round trip that sets the tenant").orElse("") + ")")));
        }
        long ourDuplicates = concurrency.stream().mapToLong(run -> run.counts().oursDuplicates()).sum();
        long ourAllocations = concurrency.stream().mapToLong(run -> run.counts().ours()).sum();
        verdict(out, "Invoice numbers: no duplicates at any concurrency", ourDuplicates == 0,
                String.format(Locale.ROOT, "%,d duplicates in %,d allocations", ourDuplicates, ourAllocations));
        throughput("many_tenants", 1).ifPresent(one -> throughput("many_tenants", THREADS_MAX).ifPresent(sixteen ->
                verdict(out, "Invoice numbers across tenants scale with threads", sixteen > one * 1.5,
                        String.format(Locale.ROOT, "%,.0f ops/s with 1 thread, %,.0f with %d (%d cores)", one, sixteen,
                                THREADS_MAX, machine.cores()))));
        throughput("one_tenant", THREADS_MAX).ifPresent(sixteen -> verdict(out,
                "Invoice numbers on one tenant serialise without deadlock or error", true,
                String.format(Locale.ROOT, "%d threads on one series' counter row: %,.0f ops/s, every issue committed",
                        THREADS_MAX, sixteen)));
    }

    private void queryPlans(StringBuilder out) {
        out.append("\n## Query plans (largest tenant, EXPLAIN ANALYZE, warm cache)\n");
        for (QueryPlans.Plan queryPlan : plans) {
            out.append("\n<details><summary>").append(Operation.ofBenchmarkClass(queryPlan.benchmark()).title())
                    .append(", as the ").append(queryPlan.role()).append("</summary>\n\n```\n")
                    .append(queryPlan.text()).append("```\n</details>\n");
        }
    }

    private Optional<Double> throughput(String spread, int threads) {
        return concurrency.stream()
                .filter(run -> run.spread().equals(spread) && run.threads() == threads)
                .flatMap(run -> run.samples().stream())
                .filter(sample -> sample.variant() == Variant.JDBC)
                .map(Sample::throughputPerSecond)
                .findFirst();
    }

    private Optional<Double> ratio(Operation operation, Variant numerator, Variant denominator) {
        return find(operation, numerator, "largest").flatMap(top -> find(operation, denominator, "largest")
                .map(bottom -> top.medianMicros() / bottom.medianMicros()));
    }

    private static void verdict(StringBuilder out, String target, boolean met, String measured) {
        out.append("- ").append(met ? "met" : "**missed**").append(": ").append(target).append(": ").append(measured).append('\n');
    }

    private List<String> tenants() {
        return samples.stream().map(Sample::tenant).distinct().sorted().toList();
    }

    private Optional<Sample> find(Operation operation, Variant variant, String tenant) {
        return samples.stream()
                .filter(s -> s.operation() == operation && s.variant() == variant && s.tenant().equals(tenant))
                .findFirst();
    }

    /** Microseconds as milliseconds with three significant digits. */
    static String millis(double micros) {
        double ms = micros / 1000;
        String format = ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : ms >= 1 ? "%.2f ms" : "%.3f ms";
        return String.format(Locale.ROOT, format, ms);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static final String VARIANTS = """

            ## What the variants are

            - **repository (RLS)**: invoice-persistence's API (`InvoiceStore.inTenant(...)`) through a HikariCP pool as
              the application role, subject to row-level security; our implementation.
            - **JDBC (RLS)**: the SQL the repository sends, hand-written with plain JDBC, same role, same pool settings,
              the tenant set the same way (`select set_config('app.user_id', ?, true)`), rows read with `getObject`:
              the floor for our layer.
            - **JDBC, RLS off**: the same SQL as a superuser, who bypasses row-level security; the query's explicit
              `user_id = ?` is the only tenant filter and no tenant is set (one round trip fewer): the price of RLS.
              Issuing is the exception: `issue_invoice` takes the tenant from the setting, so there the superuser sets
              it in the statement that calls it (still one round trip fewer).
            - **seeds' per-row policy**: the same SQL, role and tenant on copies of the tables (schema `baseline`, same
              indexes) whose policy is the seeds' `user_id = current_setting('app.user_id')::uuid`, without our
              `(select ...)` wrapping.
            - **JDBC, no lines (seeds' query)**: the same list without the line items nested in each invoice,
              what the seeds' "get 1000 invoices" and "filter by status" fetched (`SELECT * FROM invoices WHERE ...`).
            - **no index scans**: the same SQL, role and tenant with `enable_indexscan`, `enable_bitmapscan` and
              `enable_indexonlyscan` off for the session, which leaves the planner sequential scans: the plans the
              seeds' schema had before its indexes (the seeds' primary keys on `id` alone could not serve these
              queries either). Emulated rather than a copy without indexes, so the data and every other setting stay
              identical. For the two lists it runs the seeds' query without lines: without an index, the lines'
              correlated lookup reads all of `line_items` once per invoice (about 50 s a call at the small scale).
            - **seeds' MAX()+1**: the seeds' invoice numbering: the tenant's highest number
              (`order by invoice_number desc limit 1`), plus one, inserted into a copy of every invoice number that has
              an index but no unique constraint, so its duplicates are stored and counted.
            - **SELECT 1**: one round trip on a pooled application connection, the floor under everything.
              A tenant transaction takes at least three: set the tenant, the query, commit.

            ## Caveats

            - The embedded PostgreSQL runs with `fsync`, `synchronous_commit` and `full_page_writes` off: writes
              (numbers, invoices, payments) are optimistic against a durable server, reads are not affected.
            - Client, benchmark and server share the machine's cores; under 16 threads they compete for them.
            - Benchmarks that write add rows as they run: creating and paying leave issued invoices (and payments);
              the reads, which run first, see the data set as loaded. Issuing removes the invoices it issued after
              each run and puts the series counters back (as the owner, with triggers off: the delete guard keeps
              every numbered invoice otherwise); the numbers both numbering variants stored are counted, then
              forgotten.
            """;
}
