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
 * The JMH runs of one report: every operation with all its variants, the tenant verification
 * alone, then issuing invoices (which numbers them) once per thread count and spread. Each run
 * also leaves JMH's JSON in the results folder.
 */
final class JmhRuns {

    private static final String OPERATIONS = "io\\.invoicekit\\.benchmarks\\.operations\\.";
    private static final String READS = "(ClientSearch|InvoicesByStatus|InvoicesOfTenant|LineItemsOfInvoice|RoundTrip)\\.";
    private static final String WRITES = "(CreateInvoice|InvoiceNumber|RecordPayment)\\.";
    /** The variants that give the tenant as the store does: measured with the signed and the unsigned context. */
    private static final String BOTH_CONTEXTS = "(repository|jdbc)$";
    /** The baselines, whose tenant (none, or the seeds' app.user_id) does not depend on the context. */
    private static final String BASELINES = "(jdbcWithoutRls|perRowPolicy|noIndexes|withoutLines|maxPlusOne|selectOne)$";
    private static final String[] SIGNED_AND_UNSIGNED = {"signed", "unsigned"};
    private static final String[] SIGNED = {"signed"};

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
     * the tenant verification, then the writes, whose new invoices and payments later reads would
     * otherwise list (the newest invoices would be the benchmark's own, and only in the real
     * tables, not in the baseline copies). The repository and its JDBC floor run with the signed
     * and the unsigned tenant context in one JMH run, each benchmark's two right after each other;
     * the baselines, which do not depend on the context, signed only. Smoke measures the largest
     * tenant only, the other scales the median tenant too.
     */
    Collection<RunResult> operations() throws RunnerException {
        String[] tenants = scale == Scale.SMOKE ? new String[] {"largest"} : new String[] {"largest", "median"};
        List<RunResult> results = new ArrayList<>();
        results.addAll(operations("reads", READS + BOTH_CONTEXTS, SIGNED_AND_UNSIGNED, tenants));
        results.addAll(operations("reads-baselines", READS + BASELINES, SIGNED, tenants));
        results.addAll(operations("verification", "TenantVerification\\.calls$", SIGNED_AND_UNSIGNED,
                new String[] {"largest"}));
        results.addAll(operations("verification-plain", "TenantVerification\\.plainBody$", SIGNED,
                new String[] {"largest"}));
        results.addAll(operations("writes", WRITES + BOTH_CONTEXTS, SIGNED_AND_UNSIGNED, tenants));
        results.addAll(operations("writes-baselines", WRITES + BASELINES, SIGNED, tenants));
        return results;
    }

    private Collection<RunResult> operations(String run, String benchmarks, String[] contexts, String[] tenants)
            throws RunnerException {
        return new Runner(options(run)
                .include(OPERATIONS + benchmarks)
                .param("tenant", tenants)
                .param("context", contexts)
                .param("spread", "one_tenant")
                .threads(1)
                .build()).run();
    }

    /**
     * Issuing through our SQL (JDBC, RLS, signed tenant) and the seeds' MAX()+1 with {@code threads}
     * threads, on the largest tenant or spread.
     */
    Collection<RunResult> invoiceNumbers(int threads, String spread) throws RunnerException {
        return new Runner(options("numbers-" + threads + "-" + spread)
                .include(OPERATIONS + "InvoiceNumber\\.(jdbc|maxPlusOne)$")
                .param("tenant", "largest")
                .param("context", "signed")
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
