package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.data.AllocationCounts;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.List;

/**
 * Invoice numbers allocated by {@code threads} threads, all on the largest tenant
 * ({@code one_tenant}) or each on its own ({@code many_tenants}): ours and the seeds' MAX()+1,
 * with what they stored counted afterwards.
 */
public record ConcurrencyRun(String spread, int threads, List<Sample> samples, AllocationCounts counts) {

    public ConcurrencyRun {
        samples = List.copyOf(samples);
    }

    long allocations(Variant variant) {
        return variant == Variant.MAX_PLUS_ONE ? counts.maxPlusOne() : counts.ours();
    }

    long duplicates(Variant variant) {
        return variant == Variant.MAX_PLUS_ONE ? counts.maxPlusOneDuplicates() : counts.oursDuplicates();
    }
}
