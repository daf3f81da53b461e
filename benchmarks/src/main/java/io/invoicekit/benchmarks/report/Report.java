package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.DataSetLoader.LoadedDataSet;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.benchmarks.operations.QueryPlans;
import io.invoicekit.benchmarks.operations.TenantCalls;
import io.invoicekit.benchmarks.operations.TenantVerification;
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
 * every variant side by side with its ratios to the JDBC floor and to a round trip, the signed
 * tenant context against the unsigned one with the cost of one verification, invoice numbers
 * under concurrency with their duplicates, and each target met or missed. Every table but the
 * signed-against-unsigned one shows the signed context, the service's since V15.
 */
public final class Report {

    private static final double SEED_SPEED_UP_TARGET = 5;
    private static final double REPOSITORY_OVER_JDBC_TARGET = 1.2;
    private static final double RLS_OVER_NO_RLS_TARGET = 1.1;
    private static final double SIGNED_OVER_UNSIGNED_TARGET = 1.1;
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
    private final List<TenantCalls.Count> tenantCalls;

    public Report(Scale scale, DataSetPlan plan, LoadedDataSet loaded, Machine machine, String server, LocalDate date,
                  Collection<RunResult> operations, List<ConcurrencyRun> concurrency, List<QueryPlans.Plan> plans,
                  List<TenantCalls.Count> tenantCalls) {
        this.scale = scale;
        this.plan = plan;
        this.loaded = loaded;
        this.machine = machine;
        this.server = server;
        this.date = date;
        this.samples = operations.stream().map(Sample::of).toList();
        this.concurrency = List.copyOf(concurrency);
        this.plans = List.copyOf(plans);
        this.tenantCalls = List.copyOf(tenantCalls);
    }

    /** Writes {@code <name>.md} and {@code <name>.png} into {@code directory}; returns the Markdown file. */
    public Path write(Path directory, String name) throws IOException {
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(markdown, markdown(name + ".png"));
        new Chart(samples.stream().filter(sample -> sample.context().equals(Sample.SIGNED)
                        && sample.operation().ofTheService()).toList(), "largest", "invoicekit, " + scale.label() + " scale, largest tenant, " + date)
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
        verification(out);
        for (String tenant : tenants()) {
            contextTable(out, tenant);
        }
        callsTable(out);
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
            if (!operation.ofTheService()) {
                continue;
            }
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

    /** The isolated verification: per call, signed, unsigned in compatibility mode, and V14's plain body. */
    private void verification(StringBuilder out) {
        Optional<Sample> signed = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest", Sample.SIGNED);
        Optional<Sample> unsigned = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest",
                Sample.UNSIGNED);
        Optional<Sample> plain = find(Operation.TENANT_VERIFICATION, Variant.PLAIN_BODY, "largest", Sample.SIGNED);
        if (signed.isEmpty() || unsigned.isEmpty() || plain.isEmpty()) {
            return;
        }
        int calls = TenantVerification.CALLS;
        out.append("\n## The cost of one tenant verification\n\n");
        out.append(String.format(Locale.ROOT, "`select count(public.current_tenant_id()) from generate_series(1, %d)` "
                + "in a tenant transaction as the application role: %,d calls in one statement, each of which, with a "
                + "token set, verifies it (the key looked up in `tenant_keys`, HMAC-SHA256 from four core `sha256()`), "
                + "against the same count over V14's function body written inline (`nullif(current_setting("
                + "'app.user_id', true), '')::uuid`, which the planner inlined: no call at all). The rest of each "
                + "transaction (the tenant set, commit, the round trips) is the same in all three and cancels out of "
                + "the differences.%n%n", calls, calls));
        out.append("| statement | median | p99 | per call (median ÷ ").append(String.format(Locale.ROOT, "%,d", calls))
                .append(") |\n");
        out.append("|---|---:|---:|---:|\n");
        verificationRow(out, "`current_tenant_id()`, signed token", signed.get(), calls);
        verificationRow(out, "`current_tenant_id()`, compatibility mode, bare `app.user_id`", unsigned.get(), calls);
        verificationRow(out, "V14's body inline, bare `app.user_id`", plain.get(), calls);
        double signedCall = signed.get().medianMicros() / calls;
        double unsignedCall = unsigned.get().medianMicros() / calls;
        double plainCall = plain.get().medianMicros() / calls;
        out.append('\n');
        out.append(String.format(Locale.ROOT, "- **One verification of a signed token: %s** over V14's plain body "
                + "(%s over compatibility mode's unsigned call).%n", micros(signedCall - plainCall),
                micros(signedCall - unsignedCall)));
        out.append(String.format(Locale.ROOT, "- Compatibility mode's unsigned call: %s over V14's plain body "
                + "(a PL/pgSQL SECURITY DEFINER call with its own search_path, and the mode looked up).%n",
                micros(unsignedCall - plainCall)));
        countsOf("TenantVerification", "calls").ifPresent(counted -> out.append(String.format(Locale.ROOT,
                "- Calls counted by the server per statement (with the tenant's): %,.0f.%n", counted)));
    }

    private static void verificationRow(StringBuilder out, String statement, Sample sample, int calls) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", statement, millis(sample.medianMicros()),
                millis(sample.p99Micros()), micros(sample.medianMicros() / calls)));
    }

    /** The repository and its JDBC floor with the signed context against the unsigned one, both from the same JMH run. */
    private void contextTable(StringBuilder out, String tenant) {
        out.append("\n## Signed against unsigned tenant context (").append(tenant).append(" tenant)\n\n");
        out.append("The same benchmark with each context in the same JMH run, one right after the other, on the same "
                + "data: the database is in compatibility mode, which accepts the bare `app.user_id` beside valid "
                + "tokens and reads its mode only when no token is set, so the signed transactions do what they do in "
                + "signed mode. Signed: a token in `app.tenant_token`, made and signed (HMAC-SHA256) per call by the "
                + "service, verified by every `current_tenant_id()` call; unsigned: the bare `app.user_id`, as "
                + "before V15. Target: signed within 1.1× of unsigned (medians). Each row's two medians come from "
                + "two forks, and forks of one benchmark differ by more than the verification can add (on a shared "
                + "2-core VM by up to ±30%, more while other work runs there): the calls table below bounds what "
                + "the verification itself costs each operation.\n\n");
        out.append("| operation | variant | signed median | unsigned median | × | signed p99 | unsigned p99 | × (p99) "
                + "| ≤ 1.1× |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService()) {
                continue;
            }
            for (Variant variant : List.of(Variant.REPOSITORY, Variant.JDBC)) {
                Optional<Sample> signed = find(operation, variant, tenant, Sample.SIGNED);
                Optional<Sample> unsigned = find(operation, variant, tenant, Sample.UNSIGNED);
                if (signed.isEmpty() || unsigned.isEmpty()) {
                    continue;
                }
                Sample s = signed.get();
                Sample u = unsigned.get();
                double ratio = s.medianMicros() / u.medianMicros();
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        operation.title(), variant.label(), millis(s.medianMicros()), millis(u.medianMicros()),
                        times(ratio), millis(s.p99Micros()), millis(u.p99Micros()), times(s.p99Micros() / u.p99Micros()),
                        ratio <= SIGNED_OVER_UNSIGNED_TARGET ? "yes" : "**no**"));
            }
        }
    }

    /**
     * What the verification alone adds to each operation: the calls of current_tenant_id() one
     * invocation makes, counted by the server, times the extra cost of one signed call (over an
     * unsigned one in compatibility mode, and over V14's plain body), from the isolated
     * verification; against the JDBC floor's signed median, the smallest of the operation's.
     */
    private void callsTable(StringBuilder out) {
        Optional<Sample> signed = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest", Sample.SIGNED);
        Optional<Sample> unsigned = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest",
                Sample.UNSIGNED);
        Optional<Sample> plain = find(Operation.TENANT_VERIFICATION, Variant.PLAIN_BODY, "largest", Sample.SIGNED);
        if (tenantCalls.isEmpty() || signed.isEmpty() || unsigned.isEmpty() || plain.isEmpty()) {
            return;
        }
        double overUnsigned = (signed.get().medianMicros() - unsigned.get().medianMicros()) / TenantVerification.CALLS;
        double overPlain = (signed.get().medianMicros() - plain.get().medianMicros()) / TenantVerification.CALLS;
        out.append("\n## current_tenant_id() calls per operation, and what their verification costs\n\n");
        out.append("Calls per invocation, counted by the server (`track_functions` for the application login, "
                + "largest tenant, signed, outside JMH): one in the statement that sets the tenant "
                + "(`tenant_refusal()`), one per statement and table policy (an InitPlan), and one per call of a "
                + "function or per row of a trigger that checks the tenant itself. *Expected*: calls × the extra "
                + "cost of one signed call, over an unsigned one (")
                .append(micros(overUnsigned)).append(") and over V14's plain body (").append(micros(overPlain))
                .append("); *share*: of the JDBC floor's signed median (largest tenant), the operation's fastest "
                        + "measurement and so the largest share.\n\n");
        out.append("| operation | calls (repository) | calls (JDBC) | expected over unsigned | share | "
                + "expected over V14 | share | measured signed − unsigned (JDBC, medians) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService()) {
                continue;
            }
            Optional<Double> repository = countsOf(operation.benchmarkClass(), Variant.REPOSITORY.method());
            Optional<Double> jdbc = countsOf(operation.benchmarkClass(), Variant.JDBC.method());
            if (repository.isEmpty() || jdbc.isEmpty()) {
                continue;
            }
            Optional<Sample> floor = find(operation, Variant.JDBC, "largest", Sample.SIGNED);
            Optional<Sample> floorUnsigned = find(operation, Variant.JDBC, "largest", Sample.UNSIGNED);
            double calls = jdbc.get();
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %s |%n", operation.title(),
                    repository.get(), calls, millis(calls * overUnsigned),
                    floor.map(f -> percent(calls * overUnsigned / f.medianMicros())).orElse("–"),
                    millis(calls * overPlain),
                    floor.map(f -> percent(calls * overPlain / f.medianMicros())).orElse("–"),
                    floor.isPresent() && floorUnsigned.isPresent()
                            ? millis(floor.get().medianMicros() - floorUnsigned.get().medianMicros()) : "–"));
        }
    }

    /** A signed call's cost over an unsigned one in compatibility mode, per call, from the isolated verification. */
    private OptionalDouble extraPerSignedCall() {
        Optional<Sample> signed = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest", Sample.SIGNED);
        Optional<Sample> unsigned = find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, "largest",
                Sample.UNSIGNED);
        return signed.isPresent() && unsigned.isPresent()
                ? OptionalDouble.of((signed.get().medianMicros() - unsigned.get().medianMicros()) / TenantVerification.CALLS)
                : OptionalDouble.empty();
    }

    private Optional<Double> countsOf(String benchmark, String method) {
        return tenantCalls.stream()
                .filter(count -> count.benchmark().equals(benchmark) && count.method().equals(method))
                .map(TenantCalls.Count::calls)
                .findFirst();
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
        OptionalDouble perCall = extraPerSignedCall();
        for (Operation operation : Operation.values()) {
            Optional<Double> calls = countsOf(operation.benchmarkClass(), Variant.REPOSITORY.method());
            find(operation, Variant.REPOSITORY, "largest", Sample.SIGNED).ifPresent(signed -> find(operation,
                    Variant.REPOSITORY, "largest", Sample.UNSIGNED).ifPresent(unsigned -> verdict(out,
                    operation.title() + ": signed tenant context within 1.1× of the unsigned one",
                    signed.medianMicros() <= SIGNED_OVER_UNSIGNED_TARGET * unsigned.medianMicros(),
                    times(signed.medianMicros() / unsigned.medianMicros()) + " (repository, medians; p99 "
                            + times(signed.p99Micros() / unsigned.p99Micros()) + ")"
                            + (calls.isPresent() && perCall.isPresent() ? String.format(Locale.ROOT,
                            "; the verification alone: %.0f calls × %s = %s, %s", calls.get(),
                            micros(perCall.getAsDouble()), millis(calls.get() * perCall.getAsDouble()),
                            times(1 + calls.get() * perCall.getAsDouble() / unsigned.medianMicros())) : ""))));
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

    /** The sample of {@code variant} with the signed context: the service's, and the only one of the baselines. */
    private Optional<Sample> find(Operation operation, Variant variant, String tenant) {
        return find(operation, variant, tenant, Sample.SIGNED);
    }

    private Optional<Sample> find(Operation operation, Variant variant, String tenant, String context) {
        return samples.stream()
                .filter(s -> s.operation() == operation && s.variant() == variant && s.tenant().equals(tenant)
                        && s.context().equals(context))
                .findFirst();
    }

    /** Microseconds as milliseconds with three significant digits. */
    static String millis(double micros) {
        double ms = micros / 1000;
        String format = ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : ms >= 1 ? "%.2f ms" : "%.3f ms";
        return String.format(Locale.ROOT, format, ms);
    }

    /** Microseconds with three significant digits (two decimals below ten). */
    static String micros(double micros) {
        String format = Math.abs(micros) >= 100 ? "%.0f µs" : Math.abs(micros) >= 10 ? "%.1f µs" : "%.2f µs";
        return String.format(Locale.ROOT, format, micros);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share >= 0.1 ? "%.0f %%" : "%.1f %%", share * 100);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static final String VARIANTS = """

            ## What the variants are

            - **repository (RLS)**: invoice-persistence's API (`InvoiceStore.inTenant(...)`) through a HikariCP pool as
              the application role, subject to row-level security; our implementation. Its tenant is a signed token
              (`InvoiceStore.builder().tenantSigning(TenantSigning.signed(key))`, the benchmarks' key made by the
              owner with `create_tenant_key`), or, in the signed-against-unsigned table, also the bare `app.user_id`
              (`TenantSigning.unsigned()`, compatibility mode).
            - **JDBC (RLS)**: the SQL the repository sends, hand-written with plain JDBC, same role, same pool settings,
              the tenant set the same way, with the same statement and the same signed token or bare id
              (`select public.tenant_refusal() from (select set_config(?, ?, true), set_config('app.actor', ...)
              offset 0) tenant`), rows read with `getObject`: the floor for our layer.
            - **JDBC, RLS off**: the same SQL as a superuser, who bypasses row-level security; the query's explicit
              `user_id = ?` is the only tenant filter and no tenant is set (one round trip fewer): the price of RLS.
              Issuing is the exception: `issue_invoice` takes the tenant from the setting, so there the superuser sets
              it in the statement that calls it (still one round trip fewer).
            - **seeds' per-row policy**: the same SQL and role on copies of the tables (schema `baseline`, same
              indexes) whose policy is the seeds' `user_id = current_setting('app.user_id')::uuid`, without our
              `(select ...)` wrapping; the tenant set the seeds' way, `select set_config('app.user_id', ?, true)`
              (that policy reads nothing else; no token, no verification).
            - **JDBC, no lines (seeds' query)**: the same list without the line items nested in each invoice,
              what the seeds' "get 1000 invoices" and "filter by status" fetched (`SELECT * FROM invoices WHERE ...`).
            - **no index scans**: the same SQL, role and (signed) tenant as JDBC (RLS) with `enable_indexscan`, `enable_bitmapscan` and
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
            - **current_tenant_id() / V14's body inline**: the isolated verification (see "The cost of one tenant
              verification"): one statement calling `current_tenant_id()` 10,000 times with a signed token or, in
              compatibility mode, the bare `app.user_id`; and the same count over V14's plain function body inline.

            ## Caveats

            - The whole run is in compatibility mode (`call allow_unsigned_tenants()`, so that the unsigned context
              works beside the signed one on the same data): a transaction with a token is verified exactly as in
              signed mode (the mode is read only when no token is set). The unsigned context of V15 is not quite
              V14's: each of its calls is a PL/pgSQL function that looks up the mode, where V14's SQL function was
              inlined; "The cost of one tenant verification" gives both per call.
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
