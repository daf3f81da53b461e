package io.invoicekit.benchmarks.operations;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.DataSetLoader;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.testing.MigratedDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A test class's database with the smoke-scale data set loaded, as the benchmarks' target, for
 * running benchmark cases outside JMH ({@link OutsideJmh}: largest tenant, signed context).
 */
record SmokeTarget(MigratedDatabase database, BenchmarkTarget target, UUID largest) {

    private static final long SEED = 20251027L;

    static SmokeTarget load(MigratedDatabase database) throws SQLException {
        new DataSetLoader(database.owner(), database.applicationRole(), new PrintStream(OutputStream.nullOutputStream()))
                .load(DataSetPlan.of(Scale.SMOKE, SEED));
        try (Connection owner = database.owner().connect()) {
            return new SmokeTarget(database, new BenchmarkTarget(database.owner(), database.application()),
                    BenchmarkDatabase.ids(owner, "select user_id from baseline.tenants where rank = 1").getFirst());
        }
    }

    /** One invocation of the case's benchmark method, set up and torn down around it. */
    Object invokeOnce(BenchmarkCase benchmarkCase) throws SQLException {
        try (OutsideJmh benchmark = OutsideJmh.connect(benchmarkCase, target)) {
            return benchmark.invokeOnce();
        }
    }

    /** What the case's class captured from the repository at its setup. */
    CapturedSql captured(BenchmarkCase benchmarkCase) throws SQLException {
        try (OutsideJmh benchmark = OutsideJmh.connect(benchmarkCase, target)) {
            return benchmark.captured();
        }
    }

    /** A query as the owner, who sees every tenant's rows: for picking and checking test data. */
    <T> T asOwner(SqlWork<T> work) throws SQLException {
        try (Connection owner = database.owner().connect()) {
            return work.run(owner);
        }
    }
}
