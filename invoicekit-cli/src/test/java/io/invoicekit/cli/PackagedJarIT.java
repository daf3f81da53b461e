package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaging itself, after {@code package} (Failsafe): the shaded jar and bin/invoicekit run as
 * processes of their own, with nothing of the build's class path: {@code --help}, and {@code check}
 * on the embedded default, which needs Flyway's plugins, the JDBC driver, the scripts, jOOQ and the
 * server binaries all found inside the one jar. Tagged, so that Surefire leaves it out even when
 * {@code -Dtest=...} names it (its includes and excludes give way to -Dtest, its excludedGroups do not).
 */
@Tag(PackagedJarIT.TAG)
class PackagedJarIT {

    static final String TAG = "packaged-jar";

    private static final Path JAR = Path.of(System.getProperty("invoicekit.cli.jar", "target/missing.jar"));
    private static final Path SCRIPT = Path.of(System.getProperty("invoicekit.cli.script", "bin/invoicekit"));
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    record Process(int status, String out, String err, Duration took) {
        @Override
        public String toString() {
            return "exit " + status + " after " + took + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void the_jar_is_runnable_and_lists_its_commands() throws Exception {
        assertThat(JAR).isRegularFile();

        Process help = run(Map.of(), JAVA.toString(), "-jar", JAR.toString(), "--help");

        assertThat(help.status()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: invoicekit").contains("migrate", "undo", "audit", "health", "check");
    }

    @Test
    void the_jar_checks_the_embedded_default_and_prints_one_json_document() throws Exception {
        Process check = run(Map.of(), JAVA.toString(), "-jar", JAR.toString(), "check", "--json");

        assertThat(check.status()).as(check.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(check.out());
        assertThat(json.get("command").asText()).isEqualTo("check");
        assertThat(json.get("verdict").asText()).isIn("PASS", "WARN");
        assertThat(json.at("/database/embedded").asBoolean()).isTrue();
        assertThat(json.at("/database/server").asText()).startsWith("PostgreSQL ");
        assertThat(check.err()).contains("embedded PostgreSQL");
        System.out.println("java -jar " + JAR.getFileName() + " check --json: " + check.took().toMillis() + " ms, jar "
                + Files.size(JAR) / (1024 * 1024) + " MiB");
    }

    @Test
    void the_wrapper_script_finds_java_and_the_jar_and_runs_check() throws Exception {
        // Whatever java is on the PATH, the script takes JAVA_HOME when it is 21+.
        Process check = run(Map.of("JAVA_HOME", System.getProperty("java.home")), "bash", SCRIPT.toString(), "check");

        assertThat(check.status()).as(check.toString()).isZero();
        assertThat(check.out()).contains("invoicekit check: ").containsPattern("verdict +(PASS|WARN)");
        System.out.println("bin/invoicekit check: " + check.took().toMillis() + " ms");
    }

    @Test
    void the_wrapper_script_passes_the_exit_status_on() throws Exception {
        Process unreachable = run(Map.of("JAVA_HOME", System.getProperty("java.home"), DatabaseOptions.PASSWORD, "x"),
                "bash", SCRIPT.toString(), "audit", "--url", "jdbc:postgresql://127.0.0.1:1/db", "--user", "owner");

        assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(2);
        assertThat(unreachable.err()).contains("invoicekit audit: cannot connect to jdbc:postgresql://127.0.0.1:1/db");
    }

    private static Process run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("invoicekit-out", ".txt");
        Path err = Files.createTempFile("invoicekit-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove(DatabaseOptions.PASSWORD);
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            java.lang.Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 5 minutes");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), took);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
