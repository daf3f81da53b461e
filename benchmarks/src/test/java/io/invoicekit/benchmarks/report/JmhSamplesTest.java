package io.invoicekit.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.invoicekit.benchmarks.operations.InvoiceNumber;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.SampleBuffer;

/** JMH's results read back as samples, from results made here as JMH makes them. */
class JmhSamplesTest {

    @Test
    void aResultBecomesTheSampleOfItsClassVariantAndParameters() {
        RunResult result = result(InvoiceNumber.class.getName() + ".issue", 4,
                Map.of("variant", "MAX_PLUS_ONE", "tenant", "largest", "context", "signed", "spread", "many_tenants"),
                1_000_000, 1_000_000, 1_000_000, 5_000_000);

        Sample sample = JmhSamples.of(result);

        assertThat(sample.operation()).isEqualTo(Operation.INVOICE_NUMBER);
        assertThat(sample.variant()).isEqualTo(Variant.MAX_PLUS_ONE);
        assertThat(sample.tenant()).isEqualTo("largest");
        assertThat(sample.context()).isEqualTo("signed");
        assertThat(sample.spread()).isEqualTo("many_tenants");
        assertThat(sample.threads()).isEqualTo(4);
        // JMH keeps samples in a histogram: to within a few microseconds of what was added.
        assertThat(sample.medianMicros()).isCloseTo(1000, within(10.0));
        assertThat(sample.p99Micros()).isCloseTo(5000, within(10.0));
        assertThat(sample.meanMicros()).isCloseTo(2000, within(10.0));
    }

    @Test
    void aBenchmarkWithoutASpreadHasAnEmptyOne() {
        RunResult result = result(Operation.CLIENT_SEARCH.benchmark().getName() + ".search", 1,
                Map.of("variant", "JDBC", "tenant", "median", "context", "unsigned"), 2_000_000);

        assertThat(JmhSamples.of(result)).extracting(Sample::operation, Sample::variant, Sample::tenant,
                Sample::context, Sample::spread).containsExactly(Operation.CLIENT_SEARCH, Variant.JDBC, "median",
                "unsigned", "");
    }

    @Test
    void aBenchmarkClassOfNoOperationIsRefusedByName() {
        RunResult result = result("io.invoicekit.benchmarks.operations.Unknown.run", 1,
                Map.of("variant", "JDBC", "tenant", "largest", "context", "signed"), 1_000);

        assertThatThrownBy(() -> JmhSamples.of(result))
                .hasMessageContaining("no operation is measured by io.invoicekit.benchmarks.operations.Unknown");
    }

    @Test
    void aResultWithoutAVariantIsRefused() {
        RunResult result = result(Operation.CLIENT_SEARCH.benchmark().getName() + ".search", 1,
                Map.of("tenant", "largest", "context", "signed"), 1_000);

        assertThatThrownBy(() -> JmhSamples.of(result)).hasMessageContaining("has no parameter variant");
    }

    /** A sample-time result in microseconds of one iteration whose samples took {@code nanos} each. */
    private static RunResult result(String benchmark, int threads, Map<String, String> parameters, long... nanos) {
        WorkloadParams workload = new WorkloadParams();
        parameters.forEach((name, value) -> workload.put(name, value, 0));
        IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        BenchmarkParams params = new BenchmarkParams(benchmark, benchmark + "_jmhTest", false, threads,
                new int[] {threads}, List.of(), 1, 0, iteration, iteration, Mode.SampleTime, workload,
                TimeUnit.MICROSECONDS, 1, "java", List.of(), "25", "test VM", "25", "1.37", TimeValue.minutes(10));
        SampleBuffer buffer = new SampleBuffer();
        for (long sample : nanos) {
            buffer.add(sample);
        }
        IterationResult measured = new IterationResult(params, iteration, new IterationResultMetaData(0, nanos.length));
        measured.addResult(new SampleTimeResult(ResultRole.PRIMARY, "issue", buffer, TimeUnit.MICROSECONDS));
        return new RunResult(params, List.of(new BenchmarkResult(params, List.of(measured))));
    }
}
