package io.invoicekit.benchmarks;

import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import io.invoicekit.benchmarks.report.MeasurementPlan;
import io.invoicekit.benchmarks.report.Operation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH runs of one report, as its {@link MeasurementPlan} has them: one JMH run per variant of
 * each operation, included by its benchmark class and given its variant, tenants and contexts as
 * parameters; then issuing invoices once per variant, thread count and spread. The results so far
 * are kept as JMH's JSON in the results folder after every run, {@code <name>-operations.json}
 * and {@code <name>-concurrency.json}.
 */
final class JmhRuns {

    private final Scale scale;
    private final MeasurementPlan plan;
    private final String targetArgument;
    private final Path jsonPrefix;
    private final List<RunResult> operations = new ArrayList<>();
    private final List<RunResult> concurrency = new ArrayList<>();

    /**
     * @param targetArgument the JVM argument that hands each fork the database (see TargetHandOver)
     * @param jsonPrefix     the results folder and the report's name
     */
    JmhRuns(Scale scale, String targetArgument, Path jsonPrefix) {
        this.scale = scale;
        this.plan = MeasurementPlan.of(scale);
        this.targetArgument = targetArgument;
        this.jsonPrefix = jsonPrefix;
    }

    /** Every operation, every variant, one thread. */
    Collection<RunResult> operations() throws RunnerException, IOException {
        for (MeasurementPlan.Run run : plan.operations()) {
            operations.addAll(new Runner(options(run.operation(), run.variant())
                    .param(Parameters.TENANT, run.tenants().toArray(String[]::new))
                    .param(Parameters.CONTEXT, run.contexts().toArray(String[]::new))
                    .param(Parameters.SPREAD, Parameters.ONE_TENANT)
                    .threads(1)
                    .build()).run());
            writeJson("operations", operations);
        }
        return List.copyOf(operations);
    }

    /** Issuing with each of the plan's variants by {@code threads} threads, on the largest tenant or spread. */
    Collection<RunResult> invoiceNumbers(int threads, String spread) throws RunnerException, IOException {
        MeasurementPlan.Concurrency numbers = plan.concurrency();
        List<RunResult> results = new ArrayList<>();
        for (Variant variant : numbers.variants()) {
            results.addAll(new Runner(options(numbers.operation(), variant)
                    .param(Parameters.TENANT, numbers.tenant())
                    .param(Parameters.CONTEXT, numbers.context())
                    .param(Parameters.SPREAD, spread)
                    .threads(threads)
                    .build()).run());
        }
        concurrency.addAll(results);
        writeJson("concurrency", concurrency);
        return results;
    }

    MeasurementPlan plan() {
        return plan;
    }

    private ChainedOptionsBuilder options(Operation operation, Variant variant) {
        Scale.Measurement measurement = scale.measurement();
        return new OptionsBuilder()
                .include(operation.benchmarkCase(variant).includePattern())
                .param(Parameters.VARIANT, variant.name())
                .forks(measurement.forks())
                .warmupIterations(measurement.warmupIterations())
                .warmupTime(TimeValue.milliseconds(measurement.warmupTime().toMillis()))
                .measurementIterations(measurement.measurementIterations())
                .measurementTime(TimeValue.milliseconds(measurement.measurementTime().toMillis()))
                .jvmArgsAppend(targetArgument, "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true")
                .shouldFailOnError(true);
    }

    private void writeJson(String part, Collection<RunResult> results) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(jsonPrefix + "-" + part + ".json")),
                false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
    }
}
