package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.report.Format.millis;

import io.invoicekit.benchmarks.operations.Parameters;
import java.util.Locale;

/** Invoice numbers under concurrency: latency, throughput, numbers given and duplicates, per run. */
final class ConcurrencyTable {

    private ConcurrencyTable() {
    }

    static void append(StringBuilder out, Results results) {
        out.append("\n## Invoice numbers under concurrency (ours: issue a draft, which numbers it; the seeds': "
                + "MAX()+1; commit)\n\n");
        out.append("Throughput is over all threads (threads ÷ mean latency). Allocations (numbers given) and duplicates "
                + "are counted in the database after each run, warm-up included, with the same query for both variants: "
                + "ours over the numbers of the invoices the run issued, the seeds' over the numbers MAX()+1 stored. "
                + "\"One per thread\" takes the largest tenants, one each; with fewer tenants than threads "
                + "(smoke has 10) threads share tenants again.\n\n");
        out.append("| tenants | threads | variant | median | p99 | ops/s | allocations | duplicates |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (ConcurrencyRun run : results.concurrency()) {
            for (Sample sample : run.samples()) {
                long duplicates = run.duplicates(sample.variant());
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %,.0f | %,d | %s |%n",
                        spreadLabel(run.spread()), run.threads(), sample.variant().label(), millis(sample.medianMicros()),
                        millis(sample.p99Micros()), sample.throughputPerSecond(), run.allocations(sample.variant()),
                        duplicates == 0 ? "0" : String.format(Locale.ROOT, "**%,d**", duplicates)));
            }
        }
    }

    /** How the report names a spread of threads over tenants. */
    static String spreadLabel(String spread) {
        return spread.equals(Parameters.ONE_TENANT) ? "one (largest)" : "one per thread";
    }
}
