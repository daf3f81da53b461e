package io.invoicekit.benchmarks.report;

import java.util.Locale;

/** How the report writes its numbers: three significant digits, so that a column reads at a glance. */
final class Format {

    private Format() {
    }

    /** Microseconds as milliseconds with three significant digits. */
    static String millis(double micros) {
        double ms = micros / 1000;
        String format = ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : ms >= 1 ? "%.2f ms" : "%.3f ms";
        return String.format(Locale.ROOT, format, ms);
    }

    /** Microseconds with three significant digits (two decimals below ten). */
    static String micros(double micros) {
        String format = Math.abs(micros) >= 100 ? "%.0f µs" : Math.abs(micros) >= 10 ? "%.1f µs" : "%.2f µs";
        return String.format(Locale.ROOT, format, micros);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share >= 0.1 ? "%.0f %%" : "%.1f %%", share * 100);
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }
}
