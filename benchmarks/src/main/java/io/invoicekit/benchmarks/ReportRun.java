package io.invoicekit.benchmarks;

import io.invoicekit.benchmarks.data.AllocationCounts;
import io.invoicekit.benchmarks.data.DataSetLoader;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.benchmarks.operations.BenchmarkCase;
import io.invoicekit.benchmarks.operations.BenchmarkTarget;
import io.invoicekit.benchmarks.operations.QueryPlans;
import io.invoicekit.benchmarks.operations.TargetHandOver;
import io.invoicekit.benchmarks.operations.RoundTripCounts;
import io.invoicekit.benchmarks.operations.TenantCalls;
import io.invoicekit.benchmarks.report.ConcurrencyRun;
import io.invoicekit.benchmarks.report.Conditions;
import io.invoicekit.benchmarks.report.JmhSamples;
import io.invoicekit.benchmarks.report.Machine;
import io.invoicekit.benchmarks.report.MeasurementPlan;
import io.invoicekit.benchmarks.report.Report;
import io.invoicekit.benchmarks.report.Results;
import io.invoicekit.testing.DatabaseProvider;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's main job: a database (embedded PostgreSQL, or the one given), the data set of
 * the scale loaded into it, every benchmark run, and the report written as
 * {@code <results>/<date>-<scale>.md} with a chart {@code <date>-<scale>.png} beside it.
 */
final class ReportRun {

    private final RunOptions options;

    ReportRun(RunOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        options.database().ifPresent(given -> {
            // The test database's own switch: it then migrates the given database and creates the
            // application login, as it does for tests run against a server of one's own. System
            // properties of this JVM, not of any command line.
            System.setProperty(TestDatabase.PROPERTY, given.url());
            System.setProperty("invoice.test.db.user", given.user());
            System.setProperty("invoice.test.db.password", given.password());
        });
        Scale scale = options.scale();
        Files.createDirectories(options.results());
        LocalDate date = LocalDate.now();
        String name = date + "-" + scale.label();
        try (DatabaseProvider provider = TestDatabase.start()) {
            MigratedDatabase database = provider.newDatabase();
            System.err.println("Database: " + provider.describe());
            DataSetPlan dataSet = DataSetPlan.of(scale, options.seed());
            var loaded = new DataSetLoader(database.owner(), database.applicationRole(), System.err).load(dataSet);
            System.err.println("Data set: " + loaded.rows() + (loaded.reused() ? " (reused)" : " loaded in " + loaded.took()));

            var target = new BenchmarkTarget(database.owner(), database.application());
            try (Connection owner = database.owner().connect();
                 TargetHandOver handOver = TargetHandOver.write(target)) {
                var runs = new JmhRuns(scale, handOver.jvmArgument(), options.results().resolve(name));
                Machine machine = Machine.describe(owner);
                AllocationCounts.countAndReset(owner);
                var operations = runs.operations();
                AllocationCounts.countAndReset(owner);
                MeasurementPlan.Concurrency numbers = runs.plan().concurrency();
                List<ConcurrencyRun> concurrency = new ArrayList<>();
                for (String spread : numbers.spreads()) {
                    for (int threads : numbers.threads()) {
                        var results = runs.invoiceNumbers(threads, spread);
                        concurrency.add(new ConcurrencyRun(spread, threads, JmhSamples.of(results),
                                AllocationCounts.countAndReset(owner)));
                    }
                }
                System.err.println("Counting current_tenant_id() calls per operation ...");
                var tenantCalls = TenantCalls.count(target, signedAndUnsigned(runs.plan()));
                System.err.println("Counting round trips per operation ...");
                var roundTrips = RoundTripCounts.count(target, everyCase(runs.plan()));
                var conditions = new Conditions(scale, dataSet, loaded, machine, provider.describe(), date);
                var results = new Results(JmhSamples.of(operations), concurrency, tenantCalls, roundTrips,
                        QueryPlans.explain(target));
                Path report = new Report(conditions, results).write(options.results(), name);
                System.err.println("Report: " + report);
            }
        }
    }

    /** Every single-threaded case of the plan. */
    private static List<BenchmarkCase> everyCase(MeasurementPlan plan) {
        return plan.operations().stream().map(run -> run.operation().benchmarkCase(run.variant())).distinct().toList();
    }

    /** The cases whose tenant calls the report weighs: those that give the tenant as the store does. */
    private static List<BenchmarkCase> signedAndUnsigned(MeasurementPlan plan) {
        return plan.operations().stream()
                .filter(run -> run.variant().signedAndUnsigned())
                .map(run -> run.operation().benchmarkCase(run.variant()))
                .toList();
    }
}
