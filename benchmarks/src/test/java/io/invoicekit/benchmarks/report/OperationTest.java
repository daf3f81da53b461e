package io.invoicekit.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.benchmarks.operations.BenchmarkCase;
import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.RoundTrip;
import io.invoicekit.benchmarks.operations.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The report's operations against the benchmarks JMH's annotation processor found (its
 * META-INF/BenchmarkList): one operation per benchmark class, each JMH run selecting its class
 * alone, and the variants JMH runs the ones the report expects. A benchmark the report would not
 * show fails here, not as a row gone quietly.
 */
class OperationTest {

    @Test
    void everyBenchmarkClassIsTheBenchmarkOfOneOperation() throws IOException {
        Set<String> benchmarkClasses = benchmarks().stream().map(BenchmarkListEntry::getUserClassQName)
                .collect(Collectors.toSet());

        assertThat(Arrays.stream(Operation.values()).map(operation -> operation.benchmark().getName()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(benchmarkClasses);
    }

    @Test
    void everyBenchmarkClassHasOneBenchmarkMethod() throws IOException {
        assertThat(benchmarks()).extracting(BenchmarkListEntry::getUserClassQName).doesNotHaveDuplicates();
    }

    @Test
    void theVariantsJmhRunsAreTheOnesTheReportExpects() throws IOException {
        for (BenchmarkListEntry benchmark : benchmarks()) {
            Operation operation = Operation.ofBenchmarkClass(benchmark.getUserClassQName());
            String[] declared = benchmark.getParams().get().get(Parameters.VARIANT);

            assertThat(declared).as(benchmark.getUsername())
                    .containsExactlyElementsOf(operation.variants().stream().map(Variant::name).toList());
        }
    }

    @Test
    void eachCasesIncludePatternSelectsItsBenchmarkAlone() {
        BenchmarkList list = BenchmarkList.defaultList();
        for (Operation operation : Operation.values()) {
            BenchmarkCase benchmarkCase = operation.benchmarkCase(operation.variants().getFirst());

            var found = list.find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                    List.of(benchmarkCase.includePattern()), List.of());

            assertThat(found).as(operation.name()).extracting(BenchmarkListEntry::getUserClassQName)
                    .containsExactly(operation.benchmark().getName());
        }
    }

    @Test
    void aCaseOfAVariantItsClassDoesNotMeasureIsRefused() {
        assertThatThrownBy(() -> new BenchmarkCase(RoundTrip.class, Variant.REPOSITORY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RoundTrip does not measure REPOSITORY; it declares [SELECT_ONE]");
    }

    @Test
    void everyOperationHasAVariant() {
        assertThat(Operation.values()).allSatisfy(operation -> assertThat(operation.variants()).isNotEmpty());
    }

    @Test
    void oursIsAVariantOfEveryOperationOfTheService() {
        assertThat(Operation.values()).filteredOn(Operation::ofTheService)
                .allSatisfy(operation -> assertThat(operation.variants()).contains(operation.ours()));
    }

    private static List<BenchmarkListEntry> benchmarks() throws IOException {
        try (InputStream list = Operation.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertThat(list).as("JMH's " + BenchmarkList.BENCHMARK_LIST + " on the class path").isNotNull();
            return BenchmarkList.readBenchmarkList(list);
        }
    }
}
