package io.invoicekit.benchmarks.operations;

import io.invoicekit.testing.protocol.RoundTripCounter;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many round trips one invocation of each case makes, counted on the wire by a {@link
 * RoundTripCounter} between the case's connections and the server, outside JMH ({@link
 * OutsideJmh}: signed, largest tenant). The fewest of {@value #TIMES} invocations, after as many
 * to warm up: a pool opening its other connections in the background, or validating one, only
 * ever adds to a count.
 */
public final class RoundTripCounts {

    private static final int TIMES = 5;

    private RoundTripCounts() {
    }

    /** Round trips per invocation of each case, in the order of {@code cases}. */
    public static Map<BenchmarkCase, Integer> count(BenchmarkTarget target, List<BenchmarkCase> cases)
            throws SQLException {
        Map<BenchmarkCase, Integer> counts = new LinkedHashMap<>();
        try (RoundTripCounter counter = RoundTripCounter.inFrontOf(target.application())) {
            // Both logins: the RLS-off baseline runs as the owner.
            BenchmarkTarget counted = new BenchmarkTarget(counter.through(target.owner()),
                    counter.through(target.application()));
            for (BenchmarkCase benchmarkCase : cases) {
                counts.put(benchmarkCase, count(counter, counted, benchmarkCase));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static int count(RoundTripCounter counter, BenchmarkTarget target, BenchmarkCase benchmarkCase)
            throws SQLException {
        try (OutsideJmh benchmark = OutsideJmh.connect(benchmarkCase, target)) {
            for (int i = 0; i < TIMES; i++) {
                benchmark.invokeOnce();
            }
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < TIMES; i++) {
                // Prepared first, uncounted: an issue's draft is made before JMH's iteration too.
                BenchmarkDatabase.Invocation next = benchmark.nextInvocation();
                fewest = Math.min(fewest, counter.counted(() -> run(next)).roundTrips().size());
            }
            return fewest;
        }
    }

    private static Object run(BenchmarkDatabase.Invocation invocation) {
        try {
            return invocation.run();
        } catch (SQLException e) {
            throw new IllegalStateException("a benchmark's invocation failed while counting its round trips", e);
        }
    }
}
