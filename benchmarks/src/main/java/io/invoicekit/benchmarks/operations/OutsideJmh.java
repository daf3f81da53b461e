package io.invoicekit.benchmarks.operations;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Param;

/**
 * A benchmark case set up as JMH sets it up, but in this JVM and without measuring: for what the
 * server counts per invocation ({@link TenantCalls}). Each parameter but the variant takes the
 * first value its class declares: the largest tenant, the signed context, all threads on one
 * tenant, the values the report states such counts for.
 */
final class OutsideJmh implements AutoCloseable {

    private final BenchmarkDatabase benchmark;

    private OutsideJmh(BenchmarkDatabase benchmark) {
        this.benchmark = benchmark;
    }

    static OutsideJmh connect(BenchmarkCase benchmarkCase, BenchmarkTarget target) throws SQLException {
        BenchmarkDatabase benchmark = instantiate(benchmarkCase.benchmark());
        for (Field field : benchmark.getClass().getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param != null && !field.getName().equals(Parameters.VARIANT)) {
                set(benchmark, field, param.value()[0]);
            }
        }
        VariantParameter.set(benchmark, benchmarkCase.variant());
        benchmark.connect(target);
        return new OutsideJmh(benchmark);
    }

    /** The next invocation, prepared: running it is the benchmark method's work alone. */
    BenchmarkDatabase.Invocation nextInvocation() throws SQLException {
        return benchmark.nextInvocation();
    }

    Object invokeOnce() throws SQLException {
        return nextInvocation().run();
    }

    /** The SQL the case's class captured from the repository at setup, or null. */
    CapturedSql captured() {
        return benchmark.captured();
    }

    @Override
    public void close() throws SQLException {
        benchmark.disconnect();
    }

    private static BenchmarkDatabase instantiate(Class<? extends BenchmarkDatabase> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static void set(BenchmarkDatabase benchmark, Field field, String value) {
        try {
            field.set(benchmark, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot set " + benchmark.getClass().getSimpleName() + "." + field.getName()
                    + " to " + value, e);
        }
    }
}
