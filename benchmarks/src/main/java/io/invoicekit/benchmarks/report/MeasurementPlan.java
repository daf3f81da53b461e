package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What one report measures, in the order it is run: every variant of every operation, one thread,
 * for each tenant and context it takes; then issuing under concurrency. The runs carry it out and
 * the report lists what of it has no result, so the two cannot disagree.
 *
 * @param operations  the single-threaded runs, reads first (see {@link Operation.Phase})
 * @param concurrency the invoice-number runs under concurrency
 */
public record MeasurementPlan(List<Run> operations, Concurrency concurrency) {

    public MeasurementPlan {
        operations = List.copyOf(operations);
    }

    /**
     * One variant of one operation, with every tenant and context it is measured for: the
     * repository and its JDBC floor with the signed and the unsigned context, the baselines signed
     * only. One JMH run, in which each tenant's signed and unsigned fork follow each other.
     */
    public record Run(Operation operation, Variant variant, List<String> tenants, List<String> contexts) {

        public Run {
            tenants = List.copyOf(tenants);
            contexts = List.copyOf(contexts);
        }
    }

    /**
     * Issuing through our SQL against the seeds' MAX()+1, signed, with each number of threads, all
     * on the largest tenant or each on its own.
     */
    public record Concurrency(Operation operation, List<Variant> variants, List<String> spreads, List<Integer> threads) {

        public Concurrency {
            variants = List.copyOf(variants);
            spreads = List.copyOf(spreads);
            threads = List.copyOf(threads);
        }

        /** The tenant the runs name: with {@code many_tenants} the largest few, one per thread. */
        public String tenant() {
            return Parameters.LARGEST;
        }

        public String context() {
            return Parameters.SIGNED;
        }
    }

    /** The plan of a report at {@code scale}: smoke measures the largest tenant only, the others the median one too. */
    public static MeasurementPlan of(Scale scale) {
        List<String> tenants = scale == Scale.SMOKE ? List.of(Parameters.LARGEST)
                : List.of(Parameters.LARGEST, Parameters.MEDIAN);
        List<Run> runs = Arrays.stream(Operation.values())
                .sorted(Comparator.comparing(Operation::phase))
                .flatMap(operation -> operation.variants().stream().map(variant -> new Run(operation, variant,
                        // One verification's cost does not depend on whose tenant it is.
                        operation.ofTheService() ? tenants : List.of(Parameters.LARGEST),
                        Parameters.contexts(variant))))
                .toList();
        return new MeasurementPlan(runs, new Concurrency(Operation.INVOICE_NUMBER, List.of(Variant.JDBC,
                Variant.MAX_PLUS_ONE), List.of(Parameters.ONE_TENANT, Parameters.MANY_TENANTS), List.of(1, 4, 16)));
    }
}
