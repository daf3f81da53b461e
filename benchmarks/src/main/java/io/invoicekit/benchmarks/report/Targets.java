package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.report.Format.micros;
import static io.invoicekit.benchmarks.report.Format.millis;
import static io.invoicekit.benchmarks.report.Format.times;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Each target met or missed, with the number it was judged by, for the largest tenant; a target
 * whose operation has the variants it compares but no result for one of them is "not measured",
 * never left out.
 */
final class Targets {

    private static final double REPOSITORY_OVER_JDBC_TARGET = 1.2;
    private static final double RLS_OVER_NO_RLS_TARGET = 1.1;
    private static final int READ_ROUND_TRIPS = 2;
    private static final int WRITE_ROUND_TRIPS = 3;
    private static final double CONTENDED_P99_MILLIS = 5;
    private static final String LARGEST = Parameters.LARGEST;

    private final Results results;
    private final StringBuilder out;

    private Targets(Results results, StringBuilder out) {
        this.results = results;
        this.out = out;
    }

    static void append(StringBuilder out, Scale scale, int cores, Results results) {
        out.append("\n## Targets (largest tenant)\n\n");
        if (scale != Scale.LARGE) {
            out.append("The targets are stated for the large scale (1,000,000 invoices); at ").append(scale.label())
                    .append(" they are indicative only.\n\n");
        }
        var targets = new Targets(results, out);
        targets.seeds();
        targets.repositoryOverJdbc();
        targets.signedOverUnsigned();
        targets.rlsOverNoRls();
        targets.oursOverThePeer();
        targets.roundTrips();
        targets.invoiceNumbers(cores);
    }

    private void seeds() {
        for (Operation operation : Operation.values()) {
            if (operation.seedAfterMillis().isEmpty()) {
                continue;
            }
            double after = operation.seedAfterMillis().getAsDouble() * 1000;
            SeedTarget seedTarget = operation.seedTarget();
            String target = operation.title() + ": " + seedTarget.describe(after);
            results.find(operation, operation.ours(), LARGEST).ifPresentOrElse(ours -> verdict(target,
                    seedTarget.metBy(ours, after), seedTarget.measured(ours, after)), () -> notMeasured(target));
        }
    }

    private void repositoryOverJdbc() {
        for (Operation operation : Operation.values()) {
            pair(operation, operation.title() + ": repository within 1.2× of hand-written JDBC",
                    Variant.REPOSITORY, Parameters.SIGNED, Variant.JDBC, Parameters.SIGNED)
                    .ifPresent(pair -> {
                        double ratio = pair.first().medianMicros() / pair.second().medianMicros();
                        verdict(pair.target(), ratio <= REPOSITORY_OVER_JDBC_TARGET, times(ratio) + " (medians)");
                    });
        }
    }

    private void signedOverUnsigned() {
        OptionalDouble perCall = new VerificationTables(results).extraPerSignedCall();
        for (Operation operation : Operation.values()) {
            Optional<Double> calls = results.tenantCalls(operation, Variant.REPOSITORY);
            pair(operation, operation.title() + ": signed tenant context within 1.1× of the unsigned one",
                    Variant.REPOSITORY, Parameters.SIGNED, Variant.REPOSITORY, Parameters.UNSIGNED)
                    .ifPresent(pair -> signedOverUnsigned(pair, calls, perCall));
        }
    }

    /** The repository's medians, and what the verification alone adds, if its calls were counted. */
    private void signedOverUnsigned(Pair pair, Optional<Double> calls, OptionalDouble perCall) {
        Sample signed = pair.first();
        Sample unsigned = pair.second();
        String verification = calls.isPresent() && perCall.isPresent()
                ? String.format(Locale.ROOT, "; the verification alone: %.0f calls × %s = %s, %s", calls.get(),
                        micros(perCall.getAsDouble()), millis(calls.get() * perCall.getAsDouble()),
                        times(1 + calls.get() * perCall.getAsDouble() / unsigned.medianMicros()))
                : "";
        verdict(pair.target(),
                signed.medianMicros() <= OperationTables.SIGNED_OVER_UNSIGNED_TARGET * unsigned.medianMicros(),
                times(signed.medianMicros() / unsigned.medianMicros()) + " (repository, medians; p99 "
                        + times(signed.p99Micros() / unsigned.p99Micros()) + ")" + verification);
    }

    private void rlsOverNoRls() {
        Optional<Sample> roundTrip = results.find(Operation.ROUND_TRIP, Variant.SELECT_ONE, LARGEST);
        for (Operation operation : Operation.values()) {
            pair(operation, operation.title() + ": RLS within 1.1× of the explicit filter alone",
                    Variant.JDBC, Parameters.SIGNED, Variant.JDBC_WITHOUT_RLS, Parameters.SIGNED)
                    .ifPresent(pair -> {
                        double with = pair.first().medianMicros();
                        double without = pair.second().medianMicros();
                        verdict(pair.target(), with <= RLS_OVER_NO_RLS_TARGET * without,
                                times(with / without) + " (medians, JDBC with RLS over JDBC as a superuser"
                                        + roundTrip.map(trip -> "; " + times((with - trip.medianMicros()) / without)
                                        + " less the round trip that sets the tenant").orElse("") + ")");
                    });
        }
    }

    /** Ours against Hibernate on every operation the peer has: at or below its median and its p99. */
    private void oursOverThePeer() {
        for (Operation operation : Operation.values()) {
            pair(operation, operation.title() + ": repository at or below Hibernate's median and p99",
                    Variant.REPOSITORY, Parameters.SIGNED, Variant.HIBERNATE, Parameters.SIGNED)
                    .ifPresent(pair -> verdict(pair.target(),
                            pair.first().medianMicros() <= pair.second().medianMicros()
                                    && pair.first().p99Micros() <= pair.second().p99Micros(),
                            String.format(Locale.ROOT, "%s and %s at p99 (ours over Hibernate's)",
                                    times(pair.first().medianMicros() / pair.second().medianMicros()),
                                    times(pair.first().p99Micros() / pair.second().p99Micros()))));
        }
    }

    /** The repository's round trips per invocation: at most 2 for a read, 3 for a write. */
    private void roundTrips() {
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService() || !operation.measures(Variant.REPOSITORY)) {
                continue;
            }
            int budget = operation.phase() == Operation.Phase.READS ? READ_ROUND_TRIPS : WRITE_ROUND_TRIPS;
            String target = operation.title() + ": at most " + budget + " round trips";
            results.roundTrips(operation, Variant.REPOSITORY).ifPresentOrElse(
                    count -> verdict(target, count <= budget, count + " (repository, counted on the wire)"),
                    () -> notMeasured(target, "not counted"));
        }
    }

    /** Two results a target compares, the largest tenant's. */
    private record Pair(String target, Sample first, Sample second) {
    }

    /**
     * The two results {@code target} compares, if the operation measures both variants in these
     * contexts; "not measured" said for it if either has no result.
     */
    private Optional<Pair> pair(Operation operation, String target, Variant first, String firstContext, Variant second,
                                String secondContext) {
        if (!measures(operation, first, firstContext) || !measures(operation, second, secondContext)) {
            return Optional.empty();
        }
        Optional<Sample> one = results.find(operation, first, LARGEST, firstContext);
        Optional<Sample> other = results.find(operation, second, LARGEST, secondContext);
        if (one.isEmpty() || other.isEmpty()) {
            notMeasured(target);
            return Optional.empty();
        }
        return Optional.of(new Pair(target, one.get(), other.get()));
    }

    private void invoiceNumbers(int cores) {
        if (results.concurrency().isEmpty()) {
            notMeasured("Invoice numbers: no duplicates at any concurrency");
            return;
        }
        long ourDuplicates = results.concurrency().stream().mapToLong(run -> run.counts().oursDuplicates()).sum();
        long ourAllocations = results.concurrency().stream().mapToLong(run -> run.counts().ours()).sum();
        verdict("Invoice numbers: no duplicates at any concurrency", ourDuplicates == 0,
                String.format(Locale.ROOT, "%,d duplicates in %,d allocations", ourDuplicates, ourAllocations));
        int most = results.mostThreads();
        results.throughput(Parameters.MANY_TENANTS, 1).ifPresent(one -> results.throughput(Parameters.MANY_TENANTS, most)
                .ifPresent(many -> verdict("Invoice numbers across tenants scale with threads", many > one * 1.5,
                        String.format(Locale.ROOT, "%,.0f ops/s with 1 thread, %,.0f with %d (%d cores)", one, many,
                                most, cores))));
        results.throughput(Parameters.ONE_TENANT, most).ifPresent(many -> verdict(
                "Invoice numbers on one tenant serialise without deadlock or error", true,
                String.format(Locale.ROOT, "%d threads on one series' counter row: %,.0f ops/s, every issue committed",
                        most, many)));
        results.ours(Parameters.ONE_TENANT, most).ifPresent(contended -> verdict(String.format(Locale.ROOT,
                        "Invoice numbers on one tenant: p99 under %.0f ms with %d threads", CONTENDED_P99_MILLIS, most),
                contended.p99Micros() < CONTENDED_P99_MILLIS * 1000,
                millis(contended.p99Micros()) + " (JDBC (RLS), median " + millis(contended.medianMicros()) + ")"));
    }

    private static boolean measures(Operation operation, Variant variant, String context) {
        return operation.measures(variant) && Parameters.contexts(variant).contains(context);
    }

    private void verdict(String target, boolean met, String measured) {
        out.append("- ").append(met ? "met" : "**missed**").append(": ").append(target).append(": ").append(measured)
                .append('\n');
    }

    private void notMeasured(String target) {
        notMeasured(target, "no result (see \"Missing results\")");
    }

    private void notMeasured(String target, String why) {
        out.append("- **not measured**: ").append(target).append(": ").append(why).append('\n');
    }
}
