package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.report.Format.millis;
import static io.invoicekit.benchmarks.report.Format.times;

import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's tables of one tenant's single-threaded results: the seeds' table against ours,
 * every variant side by side with its ratios to the JDBC floor and to a round trip, and the
 * signed tenant context against the unsigned one.
 */
final class OperationTables {

    /** Signed context's median at most this many times the unsigned one's. */
    static final double SIGNED_OVER_UNSIGNED_TARGET = 1.1;
    private static final String NOT_MEASURED = "not measured";

    private final Results results;

    OperationTables(Results results) {
        this.results = results;
    }

    /** Every operation the seeds' table has, ours beside it, "not measured" where ours has no result. */
    void seedTable(StringBuilder out, String tenant) {
        out.append("\n## The seeds' table against ours (").append(tenant).append(" tenant)\n\n");
        out.append("Target met: ours with ").append(SeedTarget.FIVE_TIMES.speedUps())
                .append(" under the seeds' after; the summaries with ").append(SeedTarget.LIST_SCREEN.speedUps())
                .append(".\n\n");
        out.append("| operation | seeds' before | seeds' after | ours | ours median | ours p99 | speed-up vs after, median | p99 | target met |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|:---:|\n");
        for (Operation operation : Operation.values()) {
            if (operation.seedAfterMillis().isEmpty()) {
                continue;
            }
            double after = operation.seedAfterMillis().getAsDouble();
            String seeds = String.format(Locale.ROOT, "| %s | %s | %s | %s |", operation.title(),
                    millis(operation.seedBeforeMillis().getAsDouble() * 1000), millis(after * 1000), operation.ours().label());
            Optional<Sample> ours = results.find(operation, operation.ours(), tenant);
            out.append(seeds).append(ours.map(sample -> String.format(Locale.ROOT, " %s | %s | %s | %s | %s |%n",
                    millis(sample.medianMicros()), millis(sample.p99Micros()), times(after * 1000 / sample.medianMicros()),
                    times(after * 1000 / sample.p99Micros()),
                    operation.seedTarget().metBy(sample, after * 1000) ? "yes" : "**no**"))
                    .orElse(" " + NOT_MEASURED + " | – | – | – | – |\n"));
        }
    }

    void variantTable(StringBuilder out, String tenant) {
        out.append("\n## Every variant side by side (").append(tenant).append(" tenant)\n\n");
        out.append("Round trips: per invocation, counted on the wire outside JMH (largest tenant, signed); "
                + "each costs at least the `SELECT 1` row's median.\n\n");
        out.append("| operation | variant | median | p99 | round trips | × JDBC floor | × SELECT 1 | seeds' after "
                + "| speed-up vs after (p99) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        OptionalDouble roundTrip = results.find(Operation.ROUND_TRIP, Variant.SELECT_ONE, tenant)
                .map(sample -> OptionalDouble.of(sample.medianMicros())).orElse(OptionalDouble.empty());
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService()) {
                continue;
            }
            Optional<Sample> floor = results.find(operation, Variant.JDBC, tenant);
            for (Variant variant : operation.variants()) {
                results.find(operation, variant, tenant).ifPresent(sample -> out.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", operation.title(), variant.label(),
                        millis(sample.medianMicros()), millis(sample.p99Micros()),
                        results.roundTrips(operation, variant).map(String::valueOf).orElse("–"),
                        floor.map(jdbc -> times(sample.medianMicros() / jdbc.medianMicros())).orElse("–"),
                        roundTrip.isPresent() ? times(sample.medianMicros() / roundTrip.getAsDouble()) : "–",
                        operation.seedAfterMillis().isPresent() ? millis(operation.seedAfterMillis().getAsDouble() * 1000) : "–",
                        operation.seedAfterMillis().isPresent()
                                ? times(operation.seedAfterMillis().getAsDouble() * 1000 / sample.p99Micros()) : "–")));
            }
        }
    }

    /** The variants measured with both contexts side by side, both from the same JMH run. */
    void contextTable(StringBuilder out, String tenant) {
        out.append("\n## Signed against unsigned tenant context (").append(tenant).append(" tenant)\n\n");
        out.append("The same benchmark with each context in the same JMH run, one right after the other, on the same "
                + "data: the database is in compatibility mode, which accepts the bare `app.user_id` beside valid "
                + "tokens and reads its mode only when no token is set, so the signed transactions do what they do in "
                + "signed mode. Signed: a token in `app.tenant_token`, made and signed (HMAC-SHA256) per call by the "
                + "service, verified by every `current_tenant_id()` call; unsigned: the bare `app.user_id`, as "
                + "before V15. Target: signed within 1.1× of unsigned (medians). Each row's two medians come from "
                + "two forks, and forks of one benchmark differ by more than the verification can add (on a shared "
                + "2-core VM by up to ±30%, more while other work runs there): the calls table below bounds what "
                + "the verification itself costs each operation.\n\n");
        out.append("| operation | variant | signed median | unsigned median | × | signed p99 | unsigned p99 | × (p99) "
                + "| ≤ 1.1× |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService()) {
                continue;
            }
            for (Variant variant : operation.variants()) {
                Optional<Sample> signed = results.find(operation, variant, tenant, Parameters.SIGNED);
                Optional<Sample> unsigned = results.find(operation, variant, tenant, Parameters.UNSIGNED);
                if (signed.isEmpty() || unsigned.isEmpty()) {
                    continue;
                }
                Sample s = signed.get();
                Sample u = unsigned.get();
                double ratio = s.medianMicros() / u.medianMicros();
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        operation.title(), variant.label(), millis(s.medianMicros()), millis(u.medianMicros()),
                        times(ratio), millis(s.p99Micros()), millis(u.p99Micros()), times(s.p99Micros() / u.p99Micros()),
                        ratio <= SIGNED_OVER_UNSIGNED_TARGET ? "yes" : "**no**"));
            }
        }
    }
}
