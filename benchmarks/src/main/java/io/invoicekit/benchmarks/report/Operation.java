package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.TenantVerification;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The operations the report lists, in the seeds' order, with the seeds' "before" and "after"
 * figures where their table has the operation (milliseconds, "Performance Benchmarks" of the
 * migration guide). {@code benchmarkClass} is the JMH class that measures it.
 */
enum Operation {
    INVOICES_OF_TENANT("InvoicesOfTenant", "Get 1000 invoices", 500, 5),
    LINE_ITEMS("LineItemsOfInvoice", "Get line items", 100, 2),
    // The seeds' "generate invoice number": since V11 a number is given as its invoice is issued.
    INVOICE_NUMBER("InvoiceNumber", "Issue an invoice (its number generated)", 200, 20),
    FILTER_BY_STATUS("InvoicesByStatus", "Filter by status (OVERDUE)", 600, 3),
    CLIENT_SEARCH("ClientSearch", "Client search", 300, 10),
    CREATE_INVOICE("CreateInvoice", "Create and issue an invoice with 5 line items", Double.NaN, Double.NaN),
    RECORD_PAYMENT("RecordPayment", "Record a payment", Double.NaN, Double.NaN),
    ROUND_TRIP("RoundTrip", "Round trip (SELECT 1)", Double.NaN, Double.NaN),
    // Not an operation of the service: the price of one tenant verification, isolated.
    TENANT_VERIFICATION("TenantVerification", String.format(Locale.ROOT, "current_tenant_id() %,d times in one statement",
            TenantVerification.CALLS), Double.NaN, Double.NaN);

    private final String benchmarkClass;
    private final String title;
    private final double seedBeforeMillis;
    private final double seedAfterMillis;

    Operation(String benchmarkClass, String title, double seedBeforeMillis, double seedAfterMillis) {
        this.benchmarkClass = benchmarkClass;
        this.title = title;
        this.seedBeforeMillis = seedBeforeMillis;
        this.seedAfterMillis = seedAfterMillis;
    }

    static Operation ofBenchmarkClass(String simpleName) {
        return Arrays.stream(values())
                .filter(operation -> operation.benchmarkClass.equals(simpleName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation is measured by " + simpleName));
    }

    String benchmarkClass() {
        return benchmarkClass;
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

    /** Whether this is one of the service's operations (not the isolated tenant verification). */
    boolean ofTheService() {
        return this != TENANT_VERIFICATION;
    }

    /** Our implementation of the operation: the repository (for the round trip, the round trip itself). */
    Variant ours() {
        return this == ROUND_TRIP ? Variant.SELECT_ONE : Variant.REPOSITORY;
    }
}
