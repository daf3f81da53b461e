package io.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOptionsTest {

    private static final String URL = "jdbc:postgresql://localhost:5432/bench";

    @Test
    void aPasswordOnTheCommandLineIsRefusedSayingWhatToUseInstead() {
        for (String[] args : new String[][] {{"--db", URL, "--password", "secret"}, {"--password=secret"}}) {
            assertThatThrownBy(() -> RunOptions.parse(Map.of(), args))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--password is refused: a command line is visible to every user")
                    .hasMessageContaining("INVOICEKIT_BENCH_PASSWORD")
                    .hasMessageContaining("--password-file")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void theGivenDatabasesPasswordComesFromTheEnvironment() {
        RunOptions options = RunOptions.parse(Map.of("INVOICEKIT_BENCH_PASSWORD", "from env"), "--db", URL,
                "--user", "bench");

        assertThat(options.database()).hasValueSatisfying(database -> {
            assertThat(database.user()).isEqualTo("bench");
            assertThat(database.password()).isEqualTo("from env");
            assertThat(database).hasToString("bench at " + URL);
        });
    }

    @Test
    void aPasswordFileWinsOverTheEnvironmentItsTrailingNewlineIgnored(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("password"), "from file\n");

        RunOptions options = RunOptions.parse(Map.of("INVOICEKIT_BENCH_PASSWORD", "from env"), "--db", URL,
                "--password-file", file.toString());

        assertThat(options.database()).hasValueSatisfying(database ->
                assertThat(database.password()).isEqualTo("from file"));
    }

    @Test
    void withNeitherThePasswordIsEmpty() {
        assertThat(RunOptions.parse(Map.of(), "--db", URL).database())
                .hasValueSatisfying(database -> assertThat(database.password()).isEmpty());
    }

    @Test
    void aPasswordFileWithoutADatabaseIsRefused(@TempDir Path directory) {
        assertThatThrownBy(() -> RunOptions.parse(Map.of(), "--password-file", directory.resolve("p").toString()))
                .hasMessageStartingWith("--password-file goes with --db");
    }

    @Test
    void anUnreadablePasswordFileIsSaidSo(@TempDir Path directory) {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> RunOptions.parse(Map.of(), "--db", URL, "--password-file", missing.toString()))
                .hasMessageStartingWith("cannot read --password-file " + missing);
    }

    @Test
    void withoutADatabaseTheRunIsEmbedded() {
        RunOptions options = RunOptions.parse(Map.of(), "--scale", "smoke");

        assertThat(options.scale()).isEqualTo(Scale.SMOKE);
        assertThat(options.database()).isEmpty();
    }
}
