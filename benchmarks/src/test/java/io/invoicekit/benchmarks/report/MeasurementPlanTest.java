package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.operations.Parameters.LARGEST;
import static io.invoicekit.benchmarks.operations.Parameters.MEDIAN;
import static io.invoicekit.benchmarks.operations.Parameters.SIGNED;
import static io.invoicekit.benchmarks.operations.Parameters.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.operations.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementPlanTest {

    @Test
    void everyVariantOfEveryOperationIsRunOnce() {
        MeasurementPlan plan = MeasurementPlan.of(Scale.LARGE);

        for (Operation operation : Operation.values()) {
            assertThat(plan.operations()).filteredOn(run -> run.operation() == operation)
                    .extracting(MeasurementPlan.Run::variant)
                    .containsExactlyElementsOf(operation.variants());
        }
    }

    @Test
    void theReadsRunFirstThenTheVerificationThenTheWrites() {
        List<Operation.Phase> phases = MeasurementPlan.of(Scale.SMALL).operations().stream()
                .map(run -> run.operation().phase()).toList();

        assertThat(phases).isSorted().first().isEqualTo(Operation.Phase.READS);
        assertThat(phases).last().isEqualTo(Operation.Phase.WRITES);
    }

    @Test
    void theStoresWaysInTakeBothContextsTheBaselinesTheSignedOne() {
        MeasurementPlan plan = MeasurementPlan.of(Scale.SMALL);

        assertThat(plan.operations()).allSatisfy(run -> assertThat(run.contexts()).isEqualTo(
                List.of(Variant.REPOSITORY, Variant.JDBC, Variant.CURRENT_TENANT_ID).contains(run.variant())
                        ? List.of(SIGNED, UNSIGNED) : List.of(SIGNED)));
    }

    @Test
    void smokeMeasuresTheLargestTenantTheOtherScalesTheMedianOneToo() {
        assertThat(MeasurementPlan.of(Scale.SMOKE).operations())
                .allSatisfy(run -> assertThat(run.tenants()).containsExactly(LARGEST));
        assertThat(MeasurementPlan.of(Scale.LARGE).operations()).filteredOn(run -> run.operation().ofTheService())
                .allSatisfy(run -> assertThat(run.tenants()).containsExactly(LARGEST, MEDIAN));
    }

    @Test
    void oneVerificationsCostIsMeasuredForTheLargestTenantOnly() {
        assertThat(MeasurementPlan.of(Scale.LARGE).operations())
                .filteredOn(run -> run.operation() == Operation.TENANT_VERIFICATION)
                .allSatisfy(run -> assertThat(run.tenants()).containsExactly(LARGEST));
    }

    @Test
    void issuingRunsUnderConcurrencyOursAgainstTheSeeds() {
        MeasurementPlan.Concurrency concurrency = MeasurementPlan.of(Scale.SMOKE).concurrency();

        assertThat(concurrency.operation()).isEqualTo(Operation.INVOICE_NUMBER);
        assertThat(concurrency.variants()).containsExactly(Variant.JDBC, Variant.MAX_PLUS_ONE);
        assertThat(concurrency.threads()).containsExactly(1, 4, 16);
    }
}
