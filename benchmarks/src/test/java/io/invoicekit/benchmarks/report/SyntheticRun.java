package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.AllocationCounts;
import io.invoicekit.benchmarks.data.DataSetLoader.LoadedDataSet;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.benchmarks.operations.BenchmarkCase;
import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Made-up results of a report run, as a test states them: a sample per call, the rest empty until
 * given. Medians in milliseconds, p99 twice the median unless given, the mean the median.
 */
final class SyntheticRun {

    static final Machine MACHINE = new Machine("Test CPU", 2, "4.0 GiB", "Linux test amd64", "JDK test",
            "PostgreSQL 18 (test)");

    private final Scale scale;
    private final List<Sample> samples = new ArrayList<>();
    private final List<ConcurrencyRun> concurrency = new ArrayList<>();
    private final Map<BenchmarkCase, Double> tenantCalls = new LinkedHashMap<>();
    private final Map<BenchmarkCase, Integer> roundTrips = new LinkedHashMap<>();

    private SyntheticRun(Scale scale) {
        this.scale = scale;
    }

    static SyntheticRun at(Scale scale) {
        return new SyntheticRun(scale);
    }

    SyntheticRun sample(Operation operation, Variant variant, String tenant, String context, double medianMillis,
                        double p99Millis) {
        samples.add(new Sample(operation, variant, tenant, context, "", 1, medianMillis * 1000, p99Millis * 1000,
                medianMillis * 1000));
        return this;
    }

    SyntheticRun signed(Operation operation, Variant variant, double medianMillis, double p99Millis) {
        return sample(operation, variant, Parameters.LARGEST, Parameters.SIGNED, medianMillis, p99Millis);
    }

    /** Every sample the plan of the scale has, each variant of each operation {@code millis} for every tenant and context. */
    SyntheticRun everyPlannedSample(double millis) {
        for (MeasurementPlan.Run run : MeasurementPlan.of(scale).operations()) {
            for (String tenant : run.tenants()) {
                for (String context : run.contexts()) {
                    sample(run.operation(), run.variant(), tenant, context, millis, 2 * millis);
                }
            }
        }
        return this;
    }

    SyntheticRun without(Operation operation, Variant variant, String tenant, String context) {
        samples.removeIf(sample -> sample.isOf(operation, variant, tenant, context));
        return this;
    }

    SyntheticRun replace(Operation operation, Variant variant, double medianMillis, double p99Millis) {
        without(operation, variant, Parameters.LARGEST, Parameters.SIGNED);
        return signed(operation, variant, medianMillis, p99Millis);
    }

    /** One concurrency run: ours and MAX()+1 at the given medians (mean the same), with the counts given. */
    SyntheticRun concurrency(String spread, int threads, double oursMillis, double maxPlusOneMillis,
                             AllocationCounts counts) {
        concurrency.add(new ConcurrencyRun(spread, threads, List.of(
                concurrent(Variant.JDBC, spread, threads, oursMillis),
                concurrent(Variant.MAX_PLUS_ONE, spread, threads, maxPlusOneMillis)), counts));
        return this;
    }

    /** Every concurrency run of the plan, without a duplicate of ours. */
    SyntheticRun everyPlannedConcurrencyRun() {
        MeasurementPlan.Concurrency plan = MeasurementPlan.of(scale).concurrency();
        for (String spread : plan.spreads()) {
            for (int threads : plan.threads()) {
                concurrency(spread, threads, 1, 0.5, new AllocationCounts(1000, 0, 1000, 0));
            }
        }
        return this;
    }

    SyntheticRun tenantCalls(Operation operation, Variant variant, double calls) {
        tenantCalls.put(operation.benchmarkCase(variant), calls);
        return this;
    }

    SyntheticRun roundTrips(Operation operation, Variant variant, int count) {
        roundTrips.put(operation.benchmarkCase(variant), count);
        return this;
    }

    /** The same round trips for every variant of every operation the plan has. */
    SyntheticRun everyRoundTrip(int count) {
        for (MeasurementPlan.Run run : MeasurementPlan.of(scale).operations()) {
            roundTrips(run.operation(), run.variant(), count);
        }
        return this;
    }

    Results results() {
        return new Results(samples, concurrency, tenantCalls, roundTrips, List.of());
    }

    Conditions conditions() {
        return new Conditions(scale, DataSetPlan.of(scale, 1), new LoadedDataSet(Map.of("invoices", 2000L),
                Duration.ofSeconds(3), false), MACHINE, "embedded PostgreSQL (test)", LocalDate.of(2026, 12, 2));
    }

    String markdown() {
        return new Report(conditions(), results()).markdown("chart.png");
    }

    private static Sample concurrent(Variant variant, String spread, int threads, double millis) {
        return new Sample(Operation.INVOICE_NUMBER, variant, Parameters.LARGEST, Parameters.SIGNED, spread, threads,
                millis * 1000, 3 * millis * 1000, millis * 1000);
    }
}
