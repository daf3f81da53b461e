package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.Variant;

/**
 * One measured result: an operation's variant for one tenant and context (and, for invoice
 * numbers, one spread of threads over tenants), with its latency distribution in microseconds.
 *
 * @param tenant  {@code largest} or {@code median} (see Parameters)
 * @param context {@code signed} or {@code unsigned}: how the tenant was given (see BenchmarkDatabase)
 * @param spread  {@code one_tenant} or {@code many_tenants} for invoice numbers, else empty
 */
public record Sample(Operation operation, Variant variant, String tenant, String context, String spread, int threads,
                     double medianMicros, double p99Micros, double meanMicros) {

    /** Operations per second over all threads: in a closed loop each thread starts its next one as the last ends. */
    double throughputPerSecond() {
        return threads * 1_000_000 / meanMicros;
    }

    boolean isOf(Operation operation, Variant variant, String tenant, String context) {
        return this.operation == operation && this.variant == variant && this.tenant.equals(tenant)
                && this.context.equals(context);
    }
}
