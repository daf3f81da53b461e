package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.report.Format.millis;
import static io.invoicekit.benchmarks.report.Format.times;

import java.util.Locale;

/**
 * How many times under the seeds' "after" figure ours must be, at the median and at p99.
 *
 * @param median the speed-up the median must reach
 * @param p99    the speed-up p99 must reach
 */
record SeedTarget(double median, double p99) {

    /** The seeds' table: five times faster, p99 included (which the median then is too). */
    static final SeedTarget FIVE_TIMES = new SeedTarget(5, 5);
    /**
     * A list screen's summaries, against the seeds' lists (which fetched the rows and nothing
     * more): five times faster at the median and twice at p99, as the issue that added them asks.
     */
    static final SeedTarget LIST_SCREEN = new SeedTarget(5, 2);

    boolean metBy(Sample ours, double afterMicros) {
        return ours.medianMicros() * median <= afterMicros && ours.p99Micros() * p99 <= afterMicros;
    }

    /** The target in words, against {@code afterMicros}. */
    String describe(double afterMicros) {
        return speedUps() + " under the seeds' after (" + millis(afterMicros) + ")";
    }

    /** The speed-ups in words: "p99 at least 5×", or the median's and p99's when they differ. */
    String speedUps() {
        return median == p99 ? "p99 at least " + factor(p99)
                : "median at least " + factor(median) + " and p99 at least " + factor(p99);
    }

    /** What {@code ours} reached, in the terms of {@link #describe}. */
    String measured(Sample ours, double afterMicros) {
        String atP99 = times(afterMicros / ours.p99Micros()) + " at p99";
        return median == p99 ? atP99 : times(afterMicros / ours.medianMicros()) + " at the median, " + atP99;
    }

    private static String factor(double speedUp) {
        return String.format(Locale.ROOT, "%.0f×", speedUp);
    }
}
