package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.BenchmarkCase;
import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.QueryPlans;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report run measured, and the lookups the report's sections share.
 *
 * @param samples     the single-threaded runs of every operation and variant
 * @param concurrency the invoice-number runs under concurrency
 * @param tenantCalls {@code current_tenant_id()} calls per invocation, counted by the server
 * @param roundTrips  round trips per invocation, counted on the wire
 * @param queryPlans  the read benchmarks' plans
 */
public record Results(List<Sample> samples, List<ConcurrencyRun> concurrency, Map<BenchmarkCase, Double> tenantCalls,
                      Map<BenchmarkCase, Integer> roundTrips, List<QueryPlans.Plan> queryPlans) {

    public Results {
        samples = List.copyOf(samples);
        concurrency = List.copyOf(concurrency);
        tenantCalls = Map.copyOf(tenantCalls);
        roundTrips = Map.copyOf(roundTrips);
        queryPlans = List.copyOf(queryPlans);
    }

    /** The sample of {@code variant} with the signed context: the service's, and the only one of the baselines. */
    Optional<Sample> find(Operation operation, Variant variant, String tenant) {
        return find(operation, variant, tenant, Parameters.SIGNED);
    }

    Optional<Sample> find(Operation operation, Variant variant, String tenant, String context) {
        return samples.stream().filter(sample -> sample.isOf(operation, variant, tenant, context)).findFirst();
    }

    /** The tenants measured, in the report's order: largest, then median (as the alphabet has them). */
    List<String> tenants() {
        return samples.stream().map(Sample::tenant).distinct().sorted().toList();
    }

    Optional<Double> tenantCalls(Operation operation, Variant variant) {
        return operation.measures(variant)
                ? Optional.ofNullable(tenantCalls.get(operation.benchmarkCase(variant))) : Optional.empty();
    }

    Optional<Integer> roundTrips(Operation operation, Variant variant) {
        return operation.measures(variant)
                ? Optional.ofNullable(roundTrips.get(operation.benchmarkCase(variant))) : Optional.empty();
    }

    /** Issuing's throughput, ours (JDBC), with {@code threads} threads spread so. */
    Optional<Double> throughput(String spread, int threads) {
        return ours(spread, threads).map(Sample::throughputPerSecond);
    }

    /** Issuing, ours (JDBC), with {@code threads} threads spread so. */
    Optional<Sample> ours(String spread, int threads) {
        return concurrency.stream()
                .filter(run -> run.spread().equals(spread) && run.threads() == threads)
                .flatMap(run -> run.samples().stream())
                .filter(sample -> sample.variant() == Variant.JDBC)
                .findFirst();
    }

    /** The most threads the concurrency runs took. */
    int mostThreads() {
        return concurrency.stream().mapToInt(ConcurrencyRun::threads).max().orElse(0);
    }
}
