package io.invoicekit.benchmarks.operations;

import java.util.regex.Pattern;

/**
 * One variant of one benchmark class: what one JMH run of the report measures (for each tenant
 * and context it takes), and what the counts made outside JMH are per invocation of.
 *
 * @throws IllegalArgumentException if the class does not declare the variant
 */
public record BenchmarkCase(Class<? extends BenchmarkDatabase> benchmark, Variant variant) {

    public BenchmarkCase {
        if (!VariantParameter.declaredBy(benchmark).contains(variant)) {
            throw new IllegalArgumentException(benchmark.getSimpleName() + " does not measure " + variant
                    + "; it declares " + VariantParameter.declaredBy(benchmark));
        }
    }

    /** JMH's include pattern for the class's benchmark method and nothing else. */
    public String includePattern() {
        return "^" + Pattern.quote(benchmark.getName()) + "\\.\\w+$";
    }

    @Override
    public String toString() {
        return benchmark.getSimpleName() + "[" + variant + "]";
    }
}
