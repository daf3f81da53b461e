package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * JMH's results as {@link Sample}s: the operation from the benchmark's class, the variant, tenant,
 * context and spread from its parameters, the latencies from its primary result (sample time in
 * microseconds, as every benchmark class reports).
 */
public final class JmhSamples {

    private JmhSamples() {
    }

    public static List<Sample> of(Collection<RunResult> results) {
        return results.stream().map(JmhSamples::of).toList();
    }

    static Sample of(RunResult result) {
        BenchmarkParams params = result.getParams();
        String benchmark = params.getBenchmark();
        Statistics statistics = result.getPrimaryResult().getStatistics();
        return new Sample(Operation.ofBenchmarkClass(benchmark.substring(0, benchmark.lastIndexOf('.'))),
                Variant.valueOf(param(params, Parameters.VARIANT)), param(params, Parameters.TENANT),
                param(params, Parameters.CONTEXT), Objects.requireNonNullElse(params.getParam(Parameters.SPREAD), ""),
                params.getThreads(), statistics.getPercentile(50), statistics.getPercentile(99), statistics.getMean());
    }

    private static String param(BenchmarkParams params, String name) {
        String value = params.getParam(name);
        if (value == null) {
            throw new IllegalArgumentException(params.getBenchmark() + " has no parameter " + name);
        }
        return value;
    }
}
