package io.invoicekit.benchmarks.data;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** A one-line text progress bar on stderr, redrawn in place, at most every 200 ms. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintStream out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = Math.max(1, total);
    }

    void update(long done) {
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 200_000_000L) {
            return;
        }
        lastDrawn = now;
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        out.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d %s %ds", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * done / total, done, total, what, Duration.ofNanos(now - started).toSeconds());
        out.flush();
    }

    void done() {
        update(total);
        out.println();
    }
}
