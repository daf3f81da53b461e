package io.invoicekit.persistence.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where a measured value turns a check to WARN. Validated once; {@link #defaults()} are the seeds'
 * alert levels.
 *
 * @param minimumCacheHitRatio    share of block reads served from shared buffers below which to warn (0..1)
 * @param maximumConnectionUsage  share of max_connections in use above which to warn (0..1)
 * @param slowStatementMean       mean execution time above which a statement counts as slow
 * @param slowStatementsListed    how many of the slowest statements to list (1..100)
 */
public record HealthThresholds(double minimumCacheHitRatio, double maximumConnectionUsage,
                               Duration slowStatementMean, int slowStatementsListed) {

    public HealthThresholds {
        requireShare(minimumCacheHitRatio, "minimumCacheHitRatio");
        requireShare(maximumConnectionUsage, "maximumConnectionUsage");
        requireNonNull(slowStatementMean, "slowStatementMean is null");
        if (slowStatementMean.isNegative()) {
            throw new IllegalArgumentException("slowStatementMean must not be negative, was " + slowStatementMean);
        }
        if (slowStatementsListed < 1 || slowStatementsListed > 100) {
            throw new IllegalArgumentException("slowStatementsListed must be between 1 and 100, was " + slowStatementsListed);
        }
    }

    /** Cache hits below 99%, connections above 80%, statements slower than 100 ms on average, ten listed. */
    public static HealthThresholds defaults() {
        return new HealthThresholds(0.99, 0.80, Duration.ofMillis(100), 10);
    }

    private static void requireShare(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
