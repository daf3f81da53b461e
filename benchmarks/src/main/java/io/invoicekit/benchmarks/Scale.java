package io.invoicekit.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much data the report runs on, and how long JMH measures each benchmark there. {@code smoke}
 * exists so that CI runs the whole pipeline in a few minutes (about four on a 2-core VM) and it
 * cannot rot; its numbers mean little. {@code large} is the size the targets are stated for.
 *
 * @param tenants  the number of tenants; their sizes follow Zipf's law (the largest has about
 *                 {@code invoices / H(tenants)} invoices, the smallest {@code tenants} times fewer)
 * @param invoices the number of invoices over all tenants; about five line items each
 */
public enum Scale {
    SMOKE(10, 2_000, new Measurement(1, 1, Duration.ofMillis(500), 2, Duration.ofMillis(500))),
    SMALL(100, 100_000, new Measurement(1, 2, Duration.ofSeconds(1), 5, Duration.ofSeconds(1))),
    LARGE(1_000, 1_000_000, new Measurement(1, 2, Duration.ofSeconds(2), 5, Duration.ofSeconds(2)));

    private final int tenants;
    private final int invoices;
    private final Measurement measurement;

    Scale(int tenants, int invoices, Measurement measurement) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.measurement = measurement;
    }

    public int tenants() {
        return tenants;
    }

    public int invoices() {
        return invoices;
    }

    public Measurement measurement() {
        return measurement;
    }

    /** The name used on the command line and in file names: {@code smoke}, {@code small}, {@code large}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scale parse(String label) {
        return Arrays.stream(values())
                .filter(scale -> scale.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--scale must be one of "
                        + Arrays.stream(values()).map(Scale::label).collect(Collectors.joining(", "))
                        + ", was " + label));
    }

    /** JMH's run lengths at this scale: forks, then warm-up and measured iterations and their lengths. */
    public record Measurement(int forks, int warmupIterations, Duration warmupTime,
                              int measurementIterations, Duration measurementTime) {
    }
}
