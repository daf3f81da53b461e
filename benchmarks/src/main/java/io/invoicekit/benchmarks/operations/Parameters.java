package io.invoicekit.benchmarks.operations;

import java.util.List;

/**
 * The benchmarks' JMH parameters, by name, and the values they take: the benchmark classes declare
 * them, the runs set them and the report reads them back from the results.
 */
public final class Parameters {

    /** Whose data (see {@link BenchmarkDatabase#tenant}). */
    public static final String TENANT = "tenant";
    public static final String LARGEST = "largest";
    public static final String MEDIAN = "median";

    /** How the tenant is given (see {@link BenchmarkDatabase#context}). */
    public static final String CONTEXT = "context";
    public static final String SIGNED = "signed";
    public static final String UNSIGNED = "unsigned";

    /** How the threads of the concurrency runs share tenants (see {@link InvoiceNumber#spread}). */
    public static final String SPREAD = "spread";
    public static final String ONE_TENANT = "one_tenant";
    public static final String MANY_TENANTS = "many_tenants";

    /** The way in: a {@link Variant}'s name, which each class declares its own values of. */
    public static final String VARIANT = "variant";

    /** The contexts a variant is measured with. */
    public static List<String> contexts(Variant variant) {
        return variant.signedAndUnsigned() ? List.of(SIGNED, UNSIGNED) : List.of(SIGNED);
    }

    private Parameters() {
    }
}
