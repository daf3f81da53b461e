package io.invoicekit.benchmarks.operations;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * The {@value Parameters#VARIANT} parameter each benchmark class declares: a public {@link Variant}
 * field whose {@code @Param} lists the variants the class measures. That list is the one place a
 * class's variants are stated: JMH runs them, the report expects them, and the JMH annotation
 * processor refuses a value that names no {@link Variant}.
 */
public final class VariantParameter {

    private VariantParameter() {
    }

    /** The variants {@code benchmark} measures, in the order its {@code @Param} lists them. */
    public static List<Variant> declaredBy(Class<? extends BenchmarkDatabase> benchmark) {
        Param values = field(benchmark).getAnnotation(Param.class);
        if (values == null || values.value().length == 0) {
            throw new IllegalStateException(benchmark.getSimpleName() + "." + Parameters.VARIANT
                    + " must be a @Param listing the variants it measures");
        }
        return Arrays.stream(values.value()).map(Variant::valueOf).toList();
    }

    /** Sets the parameter as JMH would, for a benchmark set up outside JMH. */
    static void set(BenchmarkDatabase benchmark, Variant variant) {
        try {
            field(benchmark.getClass()).set(benchmark, variant);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + benchmark.getClass().getSimpleName() + "."
                    + Parameters.VARIANT, e);
        }
    }

    private static Field field(Class<? extends BenchmarkDatabase> benchmark) {
        try {
            Field field = benchmark.getField(Parameters.VARIANT);
            if (field.getType() != Variant.class) {
                throw new IllegalStateException(benchmark.getSimpleName() + "." + Parameters.VARIANT + " must be a "
                        + Variant.class.getSimpleName() + ", is a " + field.getType().getSimpleName());
            }
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(benchmark.getSimpleName() + " declares no public " + Parameters.VARIANT
                    + " parameter: every benchmark class says which variants it measures", e);
        }
    }
}
