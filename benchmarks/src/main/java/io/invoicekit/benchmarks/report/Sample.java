package io.invoicekit.benchmarks.report;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * One JMH result: an operation's variant for one tenant (and, for invoice numbers, one spread of
 * threads over tenants), with its latency distribution in microseconds.
 *
 * @param tenant  {@code largest} or {@code median}
 * @param context {@code signed} or {@code unsigned}: how the tenant was given (see BenchmarkDatabase)
 * @param spread  {@code one_tenant} or {@code many_tenants} for invoice numbers, else empty
 */
record Sample(Operation operation, Variant variant, String tenant, String context, String spread, int threads,
              double medianMicros, double p99Micros, double meanMicros) {

    static final String SIGNED = "signed";
    static final String UNSIGNED = "unsigned";

    static Sample of(RunResult result) {
        var params = result.getParams();
        String benchmark = params.getBenchmark();
        String[] parts = benchmark.split("\\.");
        Statistics statistics = result.getPrimaryResult().getStatistics();
        String spread = params.getParam("spread");
        String context = params.getParam("context");
        return new Sample(Operation.ofBenchmarkClass(parts[parts.length - 2]), Variant.ofMethod(parts[parts.length - 1]),
                params.getParam("tenant"), context == null ? SIGNED : context, spread == null ? "" : spread,
                params.getThreads(),
                statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMean());
    }

    /** Operations per second over all threads: in a closed loop each thread starts its next one as the last ends. */
    double throughputPerSecond() {
        return threads * 1_000_000 / meanMicros;
    }
}
