package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.BenchmarkCase;
import io.invoicekit.benchmarks.operations.BenchmarkDatabase;
import io.invoicekit.benchmarks.operations.ClientSearch;
import io.invoicekit.benchmarks.operations.CreateInvoice;
import io.invoicekit.benchmarks.operations.InvoiceNumber;
import io.invoicekit.benchmarks.operations.InvoicesByStatus;
import io.invoicekit.benchmarks.operations.InvoicesOfTenant;
import io.invoicekit.benchmarks.operations.LineItemsOfInvoice;
import io.invoicekit.benchmarks.operations.RecordPayment;
import io.invoicekit.benchmarks.operations.RoundTrip;
import io.invoicekit.benchmarks.operations.SummariesByStatus;
import io.invoicekit.benchmarks.operations.SummariesOfTenant;
import io.invoicekit.benchmarks.operations.TenantVerification;
import io.invoicekit.benchmarks.operations.Variant;
import io.invoicekit.benchmarks.operations.VariantParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The operations the report lists, in the seeds' order: the benchmark class that measures each
 * (whose {@code variant} parameter says how), when it runs, and the seeds' "before" and "after"
 * figures where their table has the operation (milliseconds, "Performance Benchmarks" of the
 * migration guide). A new operation is a constant here and its benchmark class.
 */
public enum Operation {
    INVOICES_OF_TENANT(InvoicesOfTenant.class, "Get 1000 invoices", Phase.READS, 500, 5),
    LINE_ITEMS(LineItemsOfInvoice.class, "Get line items", Phase.READS, 100, 2),
    // The seeds' "generate invoice number": since V11 a number is given as its invoice is issued.
    INVOICE_NUMBER(InvoiceNumber.class, "Issue an invoice (its number generated)", Phase.WRITES, 200, 20),
    FILTER_BY_STATUS(InvoicesByStatus.class, "Filter by status (OVERDUE)", Phase.READS, 600, 3),
    CLIENT_SEARCH(ClientSearch.class, "Client search", Phase.READS, 300, 10),
    // What list screens call: the seeds' two lists as rows (their figures: the lists', which fetched rows too).
    SUMMARIES(SummariesOfTenant.class, "List 1000 invoice summaries", Phase.READS, 500, 5, SeedTarget.LIST_SCREEN),
    SUMMARIES_BY_STATUS(SummariesByStatus.class, "1000 invoice summaries filtered by status (OVERDUE)", Phase.READS,
            600, 3, SeedTarget.LIST_SCREEN),
    CREATE_INVOICE(CreateInvoice.class, "Create and issue an invoice with 5 line items", Phase.WRITES),
    RECORD_PAYMENT(RecordPayment.class, "Record a payment", Phase.WRITES),
    ROUND_TRIP(RoundTrip.class, "Round trip (SELECT 1)", Phase.READS),
    // Not an operation of the service: the price of one tenant verification, isolated.
    TENANT_VERIFICATION(TenantVerification.class, String.format(Locale.ROOT,
            "current_tenant_id() %,d times in one statement", TenantVerification.CALLS), Phase.VERIFICATION);

    /**
     * When an operation runs, in this order: the reads on the data set as loaded, then the
     * verification alone, then the writes, whose new invoices and payments the reads would
     * otherwise list (the newest invoices would be the benchmarks' own, and only in the real
     * tables, not in the baseline copies).
     */
    public enum Phase {
        READS, VERIFICATION, WRITES
    }

    private final Class<? extends BenchmarkDatabase> benchmark;
    private final String title;
    private final Phase phase;
    private final double seedBeforeMillis;
    private final double seedAfterMillis;
    private final SeedTarget seedTarget;

    Operation(Class<? extends BenchmarkDatabase> benchmark, String title, Phase phase) {
        this(benchmark, title, phase, Double.NaN, Double.NaN);
    }

    Operation(Class<? extends BenchmarkDatabase> benchmark, String title, Phase phase, double seedBeforeMillis,
              double seedAfterMillis) {
        this(benchmark, title, phase, seedBeforeMillis, seedAfterMillis, SeedTarget.FIVE_TIMES);
    }

    Operation(Class<? extends BenchmarkDatabase> benchmark, String title, Phase phase, double seedBeforeMillis,
              double seedAfterMillis, SeedTarget seedTarget) {
        this.benchmark = benchmark;
        this.title = title;
        this.phase = phase;
        this.seedBeforeMillis = seedBeforeMillis;
        this.seedAfterMillis = seedAfterMillis;
        this.seedTarget = seedTarget;
    }

    /** The operation whose benchmark class has this (binary) name, as JMH names it in its results. */
    static Operation ofBenchmarkClass(String className) {
        return Arrays.stream(values())
                .filter(operation -> operation.benchmark.getName().equals(className))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation is measured by " + className
                        + ": give it a constant in " + Operation.class.getName()));
    }

    public Class<? extends BenchmarkDatabase> benchmark() {
        return benchmark;
    }

    public Phase phase() {
        return phase;
    }

    /** The variants the benchmark class declares, in its order. */
    public List<Variant> variants() {
        return VariantParameter.declaredBy(benchmark);
    }

    public BenchmarkCase benchmarkCase(Variant variant) {
        return new BenchmarkCase(benchmark, variant);
    }

    boolean measures(Variant variant) {
        return variants().contains(variant);
    }

    String title() {
        return title;
    }

    OptionalDouble seedBeforeMillis() {
        return Double.isNaN(seedBeforeMillis) ? OptionalDouble.empty() : OptionalDouble.of(seedBeforeMillis);
    }

    OptionalDouble seedAfterMillis() {
        return Double.isNaN(seedAfterMillis) ? OptionalDouble.empty() : OptionalDouble.of(seedAfterMillis);
    }

    /** How far under the seeds' "after" ours must be, where the seeds have the operation. */
    SeedTarget seedTarget() {
        return seedTarget;
    }

    /** Whether this is one of the service's operations (not the isolated tenant verification). */
    public boolean ofTheService() {
        return phase != Phase.VERIFICATION;
    }

    /** Our implementation of the operation: the repository (for the round trip, the round trip itself). */
    Variant ours() {
        return this == ROUND_TRIP ? Variant.SELECT_ONE : Variant.REPOSITORY;
    }
}
