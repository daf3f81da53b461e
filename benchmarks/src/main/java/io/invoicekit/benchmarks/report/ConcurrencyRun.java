package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.data.AllocationCounts;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;

/**
 * Invoice numbers allocated by {@code threads} threads, all on the largest tenant
 * ({@code one_tenant}) or each on its own ({@code many_tenants}): ours and the seeds' MAX()+1,
 * with what they stored counted afterwards.
 */
public record ConcurrencyRun(String spread, int threads, List<Sample> samples, AllocationCounts counts) {

    public static ConcurrencyRun of(String spread, int threads, Collection<RunResult> results, AllocationCounts counts) {
        return new ConcurrencyRun(spread, threads, results.stream().map(Sample::of).toList(), counts);
    }

    long allocations(Variant variant) {
        return variant == Variant.MAX_PLUS_ONE ? counts.maxPlusOne() : counts.ours();
    }

    long duplicates(Variant variant) {
        return variant == Variant.MAX_PLUS_ONE ? counts.maxPlusOneDuplicates() : counts.oursDuplicates();
    }
}
