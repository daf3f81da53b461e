package io.invoicekit.benchmarks.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.testing.ConnectionSettings;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class TargetHandOverTest {

    private static final String URL = "jdbc:postgresql://localhost:5432/bench";
    private static final BenchmarkTarget TARGET = new BenchmarkTarget(new ConnectionSettings(URL, "owner", "owner secret"),
            new ConnectionSettings(URL, "app", "app=secret:with#characters"));

    @Test
    void theForksReadTheTargetFromAFileOnlyItsOwnerReadsNamedWithoutASecret() throws Exception {
        try (TargetHandOver handOver = TargetHandOver.write(TARGET)) {
            assertThat(handOver.jvmArgument()).isEqualTo("-D" + TargetHandOver.PROPERTY + "=" + handOver.file())
                    .doesNotContain("secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handOver.file())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handOver.file().getParent())))
                    .isEqualTo("rwx------");

            System.setProperty(TargetHandOver.PROPERTY, handOver.file().toString());
            try {
                assertThat(TargetHandOver.read()).isEqualTo(TARGET);
            } finally {
                System.clearProperty(TargetHandOver.PROPERTY);
            }
        }
    }

    @Test
    void closingDeletesTheFileAndItsDirectory() throws Exception {
        TargetHandOver handOver = TargetHandOver.write(TARGET);
        handOver.close();

        assertThat(handOver.file()).doesNotExist();
        assertThat(handOver.file().getParent()).doesNotExist();
    }

    @Test
    void aForkWithoutTheTargetSaysHowToRunTheBenchmarks() {
        assertThatThrownBy(TargetHandOver::read).hasMessageContaining("run the benchmarks through benchmarks/run.sh");
    }
}
