package io.invoicekit.benchmarks.report;

import static io.invoicekit.benchmarks.operations.Parameters.MANY_TENANTS;
import static io.invoicekit.benchmarks.operations.Parameters.ONE_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.AllocationCounts;
import io.invoicekit.benchmarks.operations.Variant;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    private static final AllocationCounts COUNTS = new AllocationCounts(100, 0, 100, 3);

    @Test
    void theConcurrencyRunsFollowTheOperationsOneGroupPerSpread() {
        Results results = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1)
                .concurrency(ONE_TENANT, 1, 1, 0.5, COUNTS)
                .concurrency(ONE_TENANT, 16, 12, 4, COUNTS)
                .concurrency(MANY_TENANTS, 16, 2, 1, COUNTS)
                .results();

        Chart chart = Chart.of(results, "test");

        assertThat(chart.groups()).extracting(Chart.Group::title).containsSubsequence("Get 1000 invoices",
                "Round trip (SELECT 1)", "Issuing under concurrency, tenants: one (largest)",
                "Issuing under concurrency, tenants: one per thread");
        assertThat(chart.groups().getLast().bars()).extracting(Chart.Bar::label, Chart.Bar::note).containsExactly(
                tuple("16 threads, JDBC (RLS)", ", 8,000 ops/s"),
                tuple("16 threads, seeds' MAX()+1", ", 16,000 ops/s"));
        assertThat(chart.groups().get(chart.groups().size() - 2).bars()).extracting(Chart.Bar::label)
                .containsExactly("1 thread, JDBC (RLS)", "1 thread, seeds' MAX()+1", "16 threads, JDBC (RLS)",
                        "16 threads, seeds' MAX()+1");
    }

    @Test
    void theOperationsShowTheSignedSamplesOfTheLargestTenantAndNotTheIsolatedVerification() {
        Chart chart = Chart.of(SyntheticRun.at(Scale.SMALL).everyPlannedSample(1).results(), "test");

        Chart.Group lines = chart.groups().getFirst();
        assertThat(lines.title()).isEqualTo("Get 1000 invoices");
        assertThat(lines.bars()).extracting(Chart.Bar::variant).containsExactly(Variant.REPOSITORY, Variant.JDBC,
                Variant.JDBC_WITHOUT_RLS, Variant.PER_ROW_POLICY, Variant.NO_INDEXES, Variant.WITHOUT_LINES, Variant.HIBERNATE);
        assertThat(lines.seedAfterMillis()).hasValue(5);
        assertThat(chart.groups()).extracting(Chart.Group::title).doesNotContain(Operation.TENANT_VERIFICATION.title());
    }

    @Test
    void itIsWrittenAsAPngTallerForTheConcurrencyRuns(@TempDir Path directory) throws IOException {
        SyntheticRun run = SyntheticRun.at(Scale.SMOKE).everyPlannedSample(1);
        Chart.of(run.results(), "without").write(directory.resolve("without.png"));
        Chart.of(run.everyPlannedConcurrencyRun().results(), "with").write(directory.resolve("with.png"));

        BufferedImage without = ImageIO.read(directory.resolve("without.png").toFile());
        BufferedImage with = ImageIO.read(directory.resolve("with.png").toFile());

        assertThat(with.getWidth()).isEqualTo(without.getWidth());
        assertThat(with.getHeight()).isGreaterThan(without.getHeight());
    }
}
