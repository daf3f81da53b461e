package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.operations.Parameters.LARGEST;
import static io.invoicekit.benchmarks.operations.Parameters.MANY_TENANTS;
import static io.invoicekit.benchmarks.operations.Parameters.MEDIAN;
import static io.invoicekit.benchmarks.operations.Parameters.ONE_TENANT;
import static io.invoicekit.benchmarks.operations.Parameters.SIGNED;
import static io.invoicekit.benchmarks.operations.Parameters.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.AllocationCounts;
import io.invoicekit.benchmarks.operations.Variant;
import org.junit.jupiter.api.Test;

/** The report written from made-up results: no JMH run, no database. */
class ReportTest {

    @Test
    void theSeedsTableShowsOursBesideTheSeedsFiguresWithTheSpeedUps() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun()
                .replace(Operation.INVOICES_OF_TENANT, Variant.REPOSITORY, 0.5, 1)
                .replace(Operation.LINE_ITEMS, Variant.REPOSITORY, 1, 3)
                .markdown();

        assertThat(report).contains("## The seeds' table against ours (largest tenant)")
                .contains("| Get 1000 invoices | 500 ms | 5.00 ms | repository (RLS) | 0.500 ms | 1.00 ms | 10× | 5.00× | yes |")
                .contains("| Get line items | 100 ms | 2.00 ms | repository (RLS) | 1.00 ms | 3.00 ms | 2.00× | 0.67× | **no** |");
    }

    @Test
    void everyTargetIsMetOrMissedWithTheNumberItWasJudgedBy() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun()
                .replace(Operation.INVOICES_OF_TENANT, Variant.REPOSITORY, 0.5, 1)
                .replace(Operation.LINE_ITEMS, Variant.REPOSITORY, 1, 3)
                .replace(Operation.CLIENT_SEARCH, Variant.REPOSITORY, 1.2, 2)
                .replace(Operation.CREATE_INVOICE, Variant.REPOSITORY, 3, 6)
                .replace(Operation.CREATE_INVOICE, Variant.JDBC, 2, 4)
                .replace(Operation.RECORD_PAYMENT, Variant.JDBC, 1.5, 3)
                .markdown();

        assertThat(report)
                .contains("The targets are stated for the large scale (1,000,000 invoices); at smoke they are indicative only.")
                .contains("- met: Get 1000 invoices: p99 at least 5× under the seeds' after (5.00 ms): 5.00× at p99")
                .contains("- **missed**: Get line items: p99 at least 5× under the seeds' after (2.00 ms): 0.67× at p99")
                .contains("- met: Client search: repository within 1.2× of hand-written JDBC: 1.20× (medians)")
                .contains("- **missed**: Create and issue an invoice with 5 line items: repository within 1.2× of "
                        + "hand-written JDBC: 1.50× (medians)")
                .contains("- met: Get line items: RLS within 1.1× of the explicit filter alone: 1.00× (medians, JDBC "
                        + "with RLS over JDBC as a superuser; 0.00× less the round trip that sets the tenant)")
                .contains("- **missed**: Record a payment: RLS within 1.1× of the explicit filter alone: 1.50×")
                .contains("- met: Invoice numbers: no duplicates at any concurrency: 0 duplicates in 6,000 allocations");
    }

    @Test
    void theSummariesThePeerTheRoundTripsAndContendedIssuingHaveTargetsOfTheirOwn() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1)
                .replace(Operation.SUMMARIES, Variant.REPOSITORY, 0.8, 2)
                .replace(Operation.SUMMARIES_BY_STATUS, Variant.REPOSITORY, 0.8, 2)
                .replace(Operation.LINE_ITEMS, Variant.HIBERNATE, 2, 1)
                .roundTrips(Operation.LINE_ITEMS, Variant.REPOSITORY, 2)
                .roundTrips(Operation.RECORD_PAYMENT, Variant.REPOSITORY, 4)
                .concurrency(ONE_TENANT, 16, 1, 0.5, new AllocationCounts(500, 0, 4000, 35))
                .concurrency(MANY_TENANTS, 16, 2, 1, new AllocationCounts(500, 0, 4000, 0))
                .markdown();

        assertThat(report)
                .contains("Target met: ours with p99 at least 5× under the seeds' after; the summaries with median at "
                        + "least 5× and p99 at least 2×.")
                .contains("| List 1000 invoice summaries | 500 ms | 5.00 ms | repository (RLS) | 0.800 ms | 2.00 ms "
                        + "| 6.25× | 2.50× | yes |")
                .contains("- met: List 1000 invoice summaries: median at least 5× and p99 at least 2× under the seeds' "
                        + "after (5.00 ms): 6.25× at the median, 2.50× at p99")
                .contains("- **missed**: 1000 invoice summaries filtered by status (OVERDUE): median at least 5× and "
                        + "p99 at least 2× under the seeds' after (3.00 ms): 3.75× at the median, 1.50× at p99")
                .contains("- met: Get 1000 invoices: repository at or below Hibernate's median and p99: 1.00× and "
                        + "1.00× at p99 (ours over Hibernate's)")
                .contains("- **missed**: Get line items: repository at or below Hibernate's median and p99: 0.50× and "
                        + "2.00× at p99 (ours over Hibernate's)")
                .contains("- met: Get line items: at most 2 round trips: 2 (repository, counted on the wire)")
                .contains("- **missed**: Record a payment: at most 3 round trips: 4 (repository, counted on the wire)")
                .contains("- **not measured**: Client search: at most 2 round trips")
                .contains("- met: Invoice numbers on one tenant: p99 under 5 ms with 16 threads: 3.00 ms (JDBC (RLS), "
                        + "median 1.00 ms)");
    }

    @Test
    void theVariantTableGivesEachVariantsRatiosToTheJdbcFloorAndToARoundTrip() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun()
                .replace(Operation.ROUND_TRIP, Variant.SELECT_ONE, 0.1, 0.2)
                .replace(Operation.CLIENT_SEARCH, Variant.REPOSITORY, 1.5, 4)
                .replace(Operation.CLIENT_SEARCH, Variant.NO_INDEXES, 30, 40)
                .markdown();

        assertThat(report)
                .contains("| Client search | repository (RLS) | 1.50 ms | 4.00 ms | – | 1.50× | 15× | 10.0 ms | 2.50× |")
                .contains("| Client search | JDBC (RLS) | 1.00 ms | 2.00 ms | – | 1.00× | 10× | 10.0 ms | 5.00× |")
                .contains("| Client search | no index scans | 30.0 ms | 40.0 ms | – | 30× | 300× | 10.0 ms | 0.25× |")
                // No seeds' figure for creating an invoice: dashes, not a made-up ratio.
                .contains("| Create and issue an invoice with 5 line items | JDBC, RLS off | 1.00 ms | 2.00 ms | – | 1.00× | 10× | – | – |");
    }

    @Test
    void theSignedContextIsComparedWithTheUnsignedOneAndTheVerificationCostedPerCall() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun()
                .without(Operation.CLIENT_SEARCH, Variant.REPOSITORY, LARGEST, SIGNED)
                .signed(Operation.CLIENT_SEARCH, Variant.REPOSITORY, 1.2, 2)
                .without(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, LARGEST, SIGNED)
                .without(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, LARGEST, UNSIGNED)
                .without(Operation.TENANT_VERIFICATION, Variant.PLAIN_BODY, LARGEST, SIGNED)
                .sample(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, LARGEST, SIGNED, 80, 90)
                .sample(Operation.TENANT_VERIFICATION, Variant.CURRENT_TENANT_ID, LARGEST, UNSIGNED, 50, 60)
                .sample(Operation.TENANT_VERIFICATION, Variant.PLAIN_BODY, LARGEST, SIGNED, 10, 12)
                .tenantCalls(Operation.CLIENT_SEARCH, Variant.REPOSITORY, 3)
                .tenantCalls(Operation.CLIENT_SEARCH, Variant.JDBC, 2)
                .markdown();

        assertThat(report)
                .contains("| Client search | repository (RLS) | 1.20 ms | 1.00 ms | 1.20× | 2.00 ms | 2.00 ms | 1.00× | **no** |")
                .contains("| Client search | JDBC (RLS) | 1.00 ms | 1.00 ms | 1.00× | 2.00 ms | 2.00 ms | 1.00× | yes |")
                .contains("| `current_tenant_id()`, signed token | 80.0 ms | 90.0 ms | 8.00 µs |")
                .contains("- **One verification of a signed token: 7.00 µs** over V14's plain body (3.00 µs over "
                        + "compatibility mode's unsigned call).")
                .contains("| Client search | 3 | 2 | 0.006 ms | 0.6 % | 0.014 ms | 1.4 % | 0.000 ms |")
                .contains("- **missed**: Client search: signed tenant context within 1.1× of the unsigned one: 1.20× "
                        + "(repository, medians; p99 1.00×); the verification alone: 3 calls × 3.00 µs = 0.009 ms, 1.01×");
    }

    @Test
    void theConcurrencyTableGivesLatencyThroughputAllocationsAndDuplicates() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1)
                .concurrency(ONE_TENANT, 16, 10, 2, new AllocationCounts(500, 0, 4000, 35))
                .concurrency(MANY_TENANTS, 1, 1, 1, new AllocationCounts(900, 0, 900, 0))
                .concurrency(MANY_TENANTS, 16, 4, 1, new AllocationCounts(3000, 0, 9000, 0))
                .markdown();

        assertThat(report)
                .contains("| one (largest) | 16 | JDBC (RLS) | 10.0 ms | 30.0 ms | 1,600 | 500 | 0 |")
                .contains("| one (largest) | 16 | seeds' MAX()+1 | 2.00 ms | 6.00 ms | 8,000 | 4,000 | **35** |")
                .contains("| one per thread | 1 | JDBC (RLS) | 1.00 ms | 3.00 ms | 1,000 | 900 | 0 |")
                .contains("- met: Invoice numbers: no duplicates at any concurrency: 0 duplicates in 4,400 allocations")
                .contains("- met: Invoice numbers across tenants scale with threads: 1,000 ops/s with 1 thread, "
                        + "4,000 with 16 (2 cores)")
                .contains("- met: Invoice numbers on one tenant serialise without deadlock or error: 16 threads on "
                        + "one series' counter row: 1,600 ops/s, every issue committed")
                // The plan's other runs have no result: said, not dropped.
                .contains("- Issue an invoice (its number generated), JDBC (RLS): 4 threads, tenants one (largest)");
    }

    @Test
    void aMissingResultIsListedAndItsRowAndTargetSayNotMeasured() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun()
                .without(Operation.LINE_ITEMS, Variant.REPOSITORY, LARGEST, SIGNED)
                .without(Operation.CLIENT_SEARCH, Variant.JDBC, LARGEST, UNSIGNED)
                .markdown();

        assertThat(report)
                .contains("## Missing results")
                .contains("- Get line items, repository (RLS): largest tenant, signed context")
                .contains("- Client search, JDBC (RLS): largest tenant, unsigned context")
                .contains("| Get line items | 100 ms | 2.00 ms | repository (RLS) | not measured | – | – | – | – |")
                .contains("- **not measured**: Get line items: p99 at least 5× under the seeds' after (2.00 ms)")
                .contains("- **not measured**: Get line items: repository within 1.2× of hand-written JDBC")
                .doesNotContain("| Get line items | repository (RLS) |");
    }

    @Test
    void aCompleteRunHasNoMissingResults() {
        String report = SyntheticRun.at(Scale.SMALL).everyPlannedSample(1).everyPlannedConcurrencyRun().everyRoundTrip(2)
                .markdown();

        assertThat(report).doesNotContain("Missing results").doesNotContain("not measured");
    }

    @Test
    void withoutConcurrencyRunsTheirTargetIsNotMeasured() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).markdown();

        assertThat(report)
                .contains("- Issue an invoice (its number generated), seeds' MAX()+1: 16 threads, tenants one per thread")
                .contains("- **not measured**: Invoice numbers: no duplicates at any concurrency");
    }

    @Test
    void eachTenantsTablesFollowTheLargestFirst() {
        String report = SyntheticRun.at(Scale.SMALL).everyPlannedSample(1).everyPlannedConcurrencyRun().markdown();

        assertThat(report.indexOf("## The seeds' table against ours (largest tenant)"))
                .isPositive()
                .isLessThan(report.indexOf("## The seeds' table against ours (" + MEDIAN + " tenant)"));
        assertThat(report).contains("## Every variant side by side (median tenant)")
                .contains("## Signed against unsigned tenant context (median tenant)");
    }

    @Test
    void theHeaderSaysWhatTheNumbersWereMeasuredOn() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1).everyPlannedConcurrencyRun().markdown();

        assertThat(report).startsWith("# invoicekit benchmarks: smoke scale, 2026-12-02\n")
                .contains("- **Machine**: Test CPU, 2 cores, 4.0 GiB; Linux test amd64")
                .contains("- **JMH**: sample time, 1 fork, 1 × 500 ms warm-up, 2 × 500 ms measured")
                .contains("![median and p99 per operation and variant](chart.png)");
    }

    @Test
    void everyVariantShowsTheRoundTripsCountedForIt() {
        String report = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1)
                .replace(Operation.LINE_ITEMS, Variant.REPOSITORY, 0.3, 0.5)
                .roundTrips(Operation.LINE_ITEMS, Variant.REPOSITORY, 2)
                .markdown();

        assertThat(report).contains("| Get line items | repository (RLS) | 0.300 ms | 0.500 ms | 2 |")
                .contains("| Get line items | JDBC (RLS) | 1.00 ms | 2.00 ms | – |");
    }
}
