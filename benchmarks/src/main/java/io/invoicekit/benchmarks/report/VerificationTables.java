package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.report.Format.micros;
import static io.invoicekit.benchmarks.report.Format.millis;
import static io.invoicekit.benchmarks.report.Format.percent;

import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.TenantVerification;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cost of one tenant verification, isolated (signed, unsigned in compatibility mode, V14's
 * plain body), and what it adds to each operation: the calls the server counted per invocation
 * times that cost.
 */
final class VerificationTables {

    private static final int CALLS = TenantVerification.CALLS;

    private final Results results;
    private final Optional<Sample> signed;
    private final Optional<Sample> unsigned;
    private final Optional<Sample> plain;

    VerificationTables(Results results) {
        this.results = results;
        signed = results.find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, Parameters.LARGEST,
                Parameters.SIGNED);
        unsigned = results.find(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, Parameters.LARGEST,
                Parameters.UNSIGNED);
        plain = results.find(Operation.TENANT_VERIFICATION, Variant.PLAIN_BODY, Parameters.LARGEST, Parameters.SIGNED);
    }

    /** A signed call's cost over an unsigned one in compatibility mode, per call, from the isolated verification. */
    OptionalDouble extraPerSignedCall() {
        return signed.isPresent() && unsigned.isPresent()
                ? OptionalDouble.of((signed.get().medianMicros() - unsigned.get().medianMicros()) / CALLS)
                : OptionalDouble.empty();
    }

    /** The isolated verification: per call, signed, unsigned in compatibility mode, and V14's plain body. */
    void verification(StringBuilder out) {
        if (signed.isEmpty() || unsigned.isEmpty() || plain.isEmpty()) {
            return;
        }
        out.append("\n## The cost of one tenant verification\n\n");
        out.append(String.format(Locale.ROOT, "`select count(public.current_tenant_id()) from generate_series(1, %d)` "
                + "in a tenant transaction as the application role: %,d calls in one statement, each of which, with a "
                + "token set, verifies it (the key looked up in `tenant_keys`, HMAC-SHA256 from four core `sha256()`), "
                + "against the same count over V14's function body written inline (`nullif(current_setting("
                + "'app.user_id', true), '')::uuid`, which the planner inlined: no call at all). The rest of each "
                + "transaction (the tenant set, commit, the round trips) is the same in all three and cancels out of "
                + "the differences.%n%n", CALLS, CALLS));
        out.append("| statement | median | p99 | per call (median ÷ ").append(String.format(Locale.ROOT, "%,d", CALLS))
                .append(") |\n");
        out.append("|---|---:|---:|---:|\n");
        row(out, "`current_tenant_id()`, signed token", signed.get());
        row(out, "`current_tenant_id()`, compatibility mode, bare `app.user_id`", unsigned.get());
        row(out, "V14's body inline, bare `app.user_id`", plain.get());
        double signedCall = signed.get().medianMicros() / CALLS;
        double unsignedCall = unsigned.get().medianMicros() / CALLS;
        double plainCall = plain.get().medianMicros() / CALLS;
        out.append('\n');
        out.append(String.format(Locale.ROOT, "- **One verification of a signed token: %s** over V14's plain body "
                + "(%s over compatibility mode's unsigned call).%n", micros(signedCall - plainCall),
                micros(signedCall - unsignedCall)));
        out.append(String.format(Locale.ROOT, "- Compatibility mode's unsigned call: %s over V14's plain body "
                + "(a PL/pgSQL SECURITY DEFINER call with its own search_path, and the mode looked up).%n",
                micros(unsignedCall - plainCall)));
        results.tenantCalls(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID).ifPresent(counted -> out.append(
                String.format(Locale.ROOT, "- Calls counted by the server per statement (with the tenant's): %,.0f.%n",
                        counted)));
    }

    private static void row(StringBuilder out, String statement, Sample sample) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", statement, millis(sample.medianMicros()),
                millis(sample.p99Micros()), micros(sample.medianMicros() / CALLS)));
    }

    /**
     * What the verification alone adds to each operation: the calls of current_tenant_id() one
     * invocation makes, counted by the server, times the extra cost of one signed call (over an
     * unsigned one in compatibility mode, and over V14's plain body), from the isolated
     * verification; against the JDBC floor's signed median, the smallest of the operation's.
     */
    void calls(StringBuilder out) {
        if (results.tenantCalls().isEmpty() || signed.isEmpty() || unsigned.isEmpty() || plain.isEmpty()) {
            return;
        }
        double overUnsigned = (signed.get().medianMicros() - unsigned.get().medianMicros()) / CALLS;
        double overPlain = (signed.get().medianMicros() - plain.get().medianMicros()) / CALLS;
        out.append("\n## current_tenant_id() calls per operation, and what their verification costs\n\n");
        out.append("Calls per invocation, counted by the server (`track_functions` for the application login, "
                + "largest tenant, signed, outside JMH): one in the statement that sets the tenant "
                + "(`require_tenant()`, through `tenant_refusal()`), one per statement and table policy (an InitPlan), and one per call of a "
                + "function or per row of a trigger that checks the tenant itself. *Expected*: calls × the extra "
                + "cost of one signed call, over an unsigned one (")
                .append(micros(overUnsigned)).append(") and over V14's plain body (").append(micros(overPlain))
                .append("); *share*: of the JDBC floor's signed median (largest tenant), the operation's fastest "
                        + "measurement and so the largest share.\n\n");
        out.append("| operation | calls (repository) | calls (JDBC) | expected over unsigned | share | "
                + "expected over V14 | share | measured signed − unsigned (JDBC, medians) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Operation operation : Operation.values()) {
            if (!operation.ofTheService()) {
                continue;
            }
            Optional<Double> repository = results.tenantCalls(operation, Variant.REPOSITORY);
            Optional<Double> jdbc = results.tenantCalls(operation, Variant.JDBC);
            if (repository.isEmpty() || jdbc.isEmpty()) {
                continue;
            }
            Optional<Sample> floor = results.find(operation, Variant.JDBC, Parameters.LARGEST, Parameters.SIGNED);
            Optional<Sample> floorUnsigned = results.find(operation, Variant.JDBC, Parameters.LARGEST, Parameters.UNSIGNED);
            double calls = jdbc.get();
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %s |%n", operation.title(),
                    repository.get(), calls, millis(calls * overUnsigned),
                    floor.map(f -> percent(calls * overUnsigned / f.medianMicros())).orElse("–"),
                    millis(calls * overPlain),
                    floor.map(f -> percent(calls * overPlain / f.medianMicros())).orElse("–"),
                    floor.isPresent() && floorUnsigned.isPresent()
                            ? millis(floor.get().medianMicros() - floorUnsigned.get().medianMicros()) : "–"));
        }
    }
}
