package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.operations.QueryPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report of one run as Markdown, with its chart: the machine and data set, the seeds' table
 * against ours, every variant side by side with its ratios to the JDBC floor and to a round trip,
 * the signed tenant context against the unsigned one with the cost of one verification, invoice
 * numbers under concurrency with their duplicates, each target met or missed, and whatever the
 * plan measures that has no result. Every table but the signed-against-unsigned one shows the
 * signed context, the service's since V15.
 */
public final class Report {

    private final Conditions conditions;
    private final Results results;
    private final MeasurementPlan plan;

    public Report(Conditions conditions, Results results) {
        this.conditions = conditions;
        this.results = results;
        this.plan = MeasurementPlan.of(conditions.scale());
    }

    /** Writes {@code <name>.md} and {@code <name>.png} into {@code directory}; returns the Markdown file. */
    public Path write(Path directory, String name) throws IOException {
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(markdown, markdown(name + ".png"));
        Chart.of(results, "invoicekit, " + conditions.scale().label() + " scale, largest tenant, " + conditions.date())
                .write(directory.resolve(name + ".png"));
        return markdown;
    }

    String markdown(String chartFile) {
        var out = new StringBuilder();
        header(out, chartFile);
        missing(out);
        var tables = new OperationTables(results);
        for (String tenant : results.tenants()) {
            tables.seedTable(out, tenant);
        }
        for (String tenant : results.tenants()) {
            tables.variantTable(out, tenant);
        }
        var verification = new VerificationTables(results);
        verification.verification(out);
        for (String tenant : results.tenants()) {
            tables.contextTable(out, tenant);
        }
        verification.calls(out);
        ConcurrencyTable.append(out, results);
        Targets.append(out, conditions.scale(), conditions.machine().cores(), results);
        out.append(VARIANTS);
        queryPlans(out);
        return out.toString();
    }

    private void header(StringBuilder out, String chartFile) {
        Scale scale = conditions.scale();
        Scale.Measurement m = scale.measurement();
        Machine machine = conditions.machine();
        var dataSet = conditions.plan();
        var loaded = conditions.loaded();
        out.append("# invoicekit benchmarks: ").append(scale.label()).append(" scale, ").append(conditions.date())
                .append("\n\n");
        out.append("- **Machine**: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(machine.memory()).append("; ").append(machine.os()).append('\n');
        out.append("- **JDK**: ").append(machine.jdk()).append('\n');
        out.append("- **Database**: ").append(machine.postgres()).append("; ").append(conditions.server()).append('\n');
        out.append("- **Data set**: ").append(String.format(Locale.ROOT, "%,d tenants (Zipf sizes: the largest %,d invoices, the median %,d), ",
                dataSet.tenants().size(), dataSet.tenants().getFirst(), dataSet.tenants().get((dataSet.tenants().size() - 1) / 2)));
        loaded.rows().forEach((table, rows) -> out.append(String.format(Locale.ROOT, "%,d %s, ", rows, table)));
        out.append("seed ").append(dataSet.seed()).append(", today = ").append(dataSet.asOf())
                .append(loaded.reused() ? "; already in the database" : "; generated and loaded with COPY in "
                        + loaded.took().toSeconds() + " s").append('\n');
        out.append(String.format(Locale.ROOT, "- **JMH**: sample time, %d fork, %d × %d ms warm-up, %d × %d ms measured, "
                        + "one thread unless stated%n", m.forks(), m.warmupIterations(), m.warmupTime().toMillis(),
                m.measurementIterations(), m.measurementTime().toMillis()));
        out.append("\n![median and p99 per operation and variant](").append(chartFile).append(")\n");
    }

    /** What the plan measures and has no result for: said at the top, rather than a row gone quietly. */
    private void missing(StringBuilder out) {
        List<String> missing = new MissingResults(plan, results).list();
        if (missing.isEmpty()) {
            return;
        }
        out.append("\n## Missing results\n\n");
        out.append("The plan of this scale measures these, and the run gave no result for them: the tables below have "
                + "no row for them (the seeds' table says \"not measured\"), and the targets that need them say so.\n\n");
        missing.forEach(line -> out.append("- ").append(line).append('\n'));
    }

    private void queryPlans(StringBuilder out) {
        out.append("\n## Query plans (largest tenant, EXPLAIN ANALYZE, warm cache)\n");
        for (QueryPlans.Plan queryPlan : results.queryPlans()) {
            out.append("\n<details><summary>").append(Operation.ofBenchmarkClass(queryPlan.benchmark().getName()).title())
                    .append(", as the ").append(queryPlan.role()).append("</summary>\n\n```\n")
                    .append(queryPlan.text()).append("```\n</details>\n");
        }
    }

    private static final String VARIANTS = """

            ## What the variants are

            - **repository (RLS)**: invoice-persistence's API (`InvoiceStore.inTenant(...)`) through a HikariCP pool as
              the application role, subject to row-level security; our implementation. Its tenant is a signed token
              (`InvoiceStore.builder().tenantSigning(TenantSigning.signed(key))`, the benchmarks' key made by the
              owner with `create_tenant_key`), or, in the signed-against-unsigned table, also the bare `app.user_id`
              (`TenantSigning.unsigned()`, compatibility mode).
            - **JDBC (RLS)**: the SQL the repository sends, with plain JDBC, same role, same pool settings. It is captured
              from the repository itself: at setup the benchmark runs the repository's call once through a recording
              of its connections (`CapturedSql`, a write rolled back), then sends the recorded statements with their
              bound parameters, a call's own ids (invoice, payment, client, the lines' inside their arrays) in place of
              the captured ones; issuing's two statements are written out by hand as jOOQ renders them (creating and
              issuing sends the draft's captured statements, then those).
              The tenant set the same way, through the same
              `TenantFoldingConnection`: the same statement and the same signed token or bare id (`select public.require_tenant() from (select set_config(?, ?, true),
              set_config('app.actor', ...) offset 0) tenant`) in the round trip of the first statement, rows read
              with `getObject`: the floor for our layer.
            - **JDBC, RLS off**: the same SQL as a superuser, who bypasses row-level security; the query's explicit
              `user_id = ?` is the only tenant filter and no tenant is set (one round trip fewer): the price of RLS.
              Issuing is the exception: `issue_invoice` takes the tenant from the setting, so there the superuser sets
              it in the statement that calls it (still one round trip fewer).
            - **seeds' per-row policy**: the same SQL and role on copies of the tables (schema `baseline`, same
              indexes) whose policy is the seeds' `user_id = current_setting('app.user_id')::uuid`, without our
              `(select ...)` wrapping; the tenant set the seeds' way, `select set_config('app.user_id', ?, true)`
              (that policy reads nothing else; no token, no verification).
            - **JDBC, no lines (seeds' query)**: the same list without the line items nested in each invoice,
              what the seeds' "get 1000 invoices" and "filter by status" fetched (`SELECT * FROM invoices WHERE ...`).
            - **no index scans**: the same SQL, role and (signed) tenant as JDBC (RLS) with `enable_indexscan`, `enable_bitmapscan` and
              `enable_indexonlyscan` off for the session, which leaves the planner sequential scans: the plans the
              seeds' schema had before its indexes (the seeds' primary keys on `id` alone could not serve these
              queries either). Emulated rather than a copy without indexes, so the data and every other setting stay
              identical. For the two lists it runs the seeds' query without lines: without an index, the lines'
              correlated lookup reads all of `line_items` once per invoice (about 50 s a call at the small scale).
            - **Hibernate ORM 7.4 (@TenantId, no RLS)**: the peer a Java team would otherwise pick
              (`io.invoicekit.benchmarks.peer.HibernatePeer`): discriminator multi-tenancy with `@TenantId` on
              `user_id` inside an `@IdClass (user_id, id)`, associations joined on both key columns (so a fetch join
              uses the tenant-leading indexes), batched inserts, no second-level cache; on copies of the tables in
              schema `peer` (same columns, constraints, indexes and foreign keys; no row-level security, no
              triggers) as a login of its own. What it guarantees: Hibernate adds the tenant to the queries it
              generates; a native query, or any SQL that forgets the filter, returns every tenant's rows, and
              nothing in the database keeps totals, numbers or issued invoices right. Ours, under RLS: one tenant's
              rows or none, whatever the SQL, and the database keeps every derived value and every issued invoice.
            - **seeds' MAX()+1**: the seeds' invoice numbering: the tenant's highest number
              (`order by invoice_number desc limit 1`), plus one, inserted into a copy of every invoice number that has
              an index but no unique constraint, so its duplicates are stored and counted.
            - **SELECT 1**: one round trip on a pooled application connection, the floor under everything.
              A tenant read takes two: the tenant set in the round trip of the query, then commit.
            - **current_tenant_id() / V14's body inline**: the isolated verification (see "The cost of one tenant
              verification"): one statement calling `current_tenant_id()` 10,000 times with a signed token or, in
              compatibility mode, the bare `app.user_id`; and the same count over V14's plain function body inline.

            ## Caveats

            - Issuing's JDBC variants send SQL written out by hand, not captured (the draft to issue is a new one for
              each call, made before it); a test checks those statements against the repository's.
              Client search has no per-row-policy variant: the repository's search (V18) reads
              `client_search_trigrams`, which the baseline schema does not copy.
            - The whole run is in compatibility mode (`call allow_unsigned_tenants()`, so that the unsigned context
              works beside the signed one on the same data): a transaction with a token is verified exactly as in
              signed mode (the mode is read only when no token is set). The unsigned context of V15 is not quite
              V14's: each of its calls is a PL/pgSQL function that looks up the mode, where V14's SQL function was
              inlined; "The cost of one tenant verification" gives both per call.
            - The embedded PostgreSQL runs with `fsync`, `synchronous_commit` and `full_page_writes` off: writes
              (numbers, invoices, payments) are optimistic against a durable server, reads are not affected.
            - Client, benchmark and server share the machine's cores; under 16 threads they compete for them.
            - Benchmarks that write add rows as they run: creating and paying leave issued invoices (and payments);
              the reads, which run first, see the data set as loaded. Issuing removes the invoices it issued after
              each run and puts the series counters back (as the owner, with triggers off: the delete guard keeps
              every numbered invoice otherwise); the numbers both numbering variants stored are counted, then
              forgotten.
            """;
}
