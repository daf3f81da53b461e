package io.invoicekit.benchmarks;

import io.invoicekit.benchmarks.operations.BenchmarkTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH runs of one report: every operation with all its variants in one run, then issuing
 * invoices (which numbers them) once per thread count and spread. Each run also leaves JMH's JSON in the results folder.
 */
final class JmhRuns {

    private static final String OPERATIONS = "io\\.invoicekit\\.benchmarks\\.operations\\.";
    private static final String READS = "(ClientSearch|InvoicesByStatus|InvoicesOfTenant|LineItemsOfInvoice|RoundTrip)\\.";
    private static final String WRITES = "(CreateInvoice|InvoiceNumber|RecordPayment)\\.";

    private final Scale scale;
    private final BenchmarkTarget target;
    private final Path jsonPrefix;

    JmhRuns(Scale scale, BenchmarkTarget target, Path jsonPrefix) {
        this.scale = scale;
        this.target = target;
        this.jsonPrefix = jsonPrefix;
    }

    /**
     * Every operation, every variant, one thread: the reads first, on the data set as loaded, then
     * the writes, whose new invoices and payments later reads would otherwise list (the newest
     * invoices would be the benchmark's own, and only in the real tables, not in the baseline
     * copies). Smoke measures the largest tenant only, the other scales the median tenant too.
     */
    Collection<RunResult> operations() throws RunnerException {
        List<RunResult> results = new ArrayList<>(operations("reads", READS));
        results.addAll(operations("writes", WRITES));
        return results;
    }

    private Collection<RunResult> operations(String run, String classes) throws RunnerException {
        String[] tenants = scale == Scale.SMOKE ? new String[] {"largest"} : new String[] {"largest", "median"};
        return new Runner(options(run)
                .include(OPERATIONS + classes)
                .param("tenant", tenants)
                .param("spread", "one_tenant")
                .threads(1)
                .build()).run();
    }

    /**
     * Issuing through our SQL (JDBC, RLS) and the seeds' MAX()+1 with {@code threads} threads, on the
     * largest tenant or spread.
     */
    Collection<RunResult> invoiceNumbers(int threads, String spread) throws RunnerException {
        return new Runner(options("numbers-" + threads + "-" + spread)
                .include(OPERATIONS + "InvoiceNumber\\.(jdbc|maxPlusOne)$")
                .param("tenant", "largest")
                .param("spread", spread)
                .threads(threads)
                .build()).run();
    }

    private ChainedOptionsBuilder options(String run) {
        Scale.Measurement measurement = scale.measurement();
        List<String> jvmArguments = new ArrayList<>(target.jvmArguments());
        jvmArguments.addAll(List.of("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"));
        return new OptionsBuilder()
                .forks(measurement.forks())
                .warmupIterations(measurement.warmupIterations())
                .warmupTime(TimeValue.milliseconds(measurement.warmupTime().toMillis()))
                .measurementIterations(measurement.measurementIterations())
                .measurementTime(TimeValue.milliseconds(measurement.measurementTime().toMillis()))
                .jvmArgsAppend(jvmArguments.toArray(String[]::new))
                .shouldFailOnError(true)
                .result(jsonPrefix + "-" + run + ".json")
                .resultFormat(ResultFormatType.JSON);
    }
}
