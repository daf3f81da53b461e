package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.EmbeddedServer;
import io.invoicekit.testing.EmbeddedServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's deployment runbook, followed literally on PostgreSQL 15: its roles block run as a
 * superuser, then each line of its runbook block (pg_dump as the monitoring role, migrate, the
 * service's tenant key, check with it, undo) with the passwords where the README says they go; then
 * migrate again, a new key, and check once more as the plain owner.
 * Then what the README claims of the backup role: with tenants stored, pg_dump works as the
 * monitoring role and fails as the owner.
 */
class RunbookTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    private static final Map<String, String> PASSWORDS = Map.of(
            "billing_owner", "owner-" + UUID.randomUUID(),
            "billing_service", "service-" + UUID.randomUUID(),
            "invoice_monitor", "monitor-" + UUID.randomUUID());

    private final EmbeddedServer server = EmbeddedServers.start(Path.of(System.getProperty("invoice.test.pg15.jar")));
    private final String url = "jdbc:postgresql://localhost:" + server.port() + "/billing";
    private final Map<String, String> variables = new HashMap<>(Map.of("DATABASE_URL", url));
    /** The key made after the runbook, V15 migrated again. */
    private Path afterUndoKey;

    /** Each test has a server of its own (JUnit makes an instance per test). */
    @AfterEach
    void stop_the_server() {
        server.close();
    }

    @Test
    void the_deployment_runbook_works_as_written(@TempDir Path directory) throws Exception {
        assertThat(server.majorVersion()).isEqualTo(15);
        Assumptions.assumeTrue(pgDumpVersion().isPresent(),
                "pg_dump is not installed (Debian: apt-get install postgresql-client); .ci/run installs it");
        String runbook = section(Files.readString(README), "## Deploying a migration");

        createTheRoles(block(runbook, "sql"));
        List<String> lines = block(runbook, "sh").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(lines).extracting(line -> line.split(" ")[0] + " " + line.split(" ")[1])
                .containsExactly("pg_dump --format=custom", "invoicekit migrate", "invoicekit tenant-keys",
                        "invoicekit tenant-keys", "invoicekit check", "invoicekit undo");
        // The service's key file: where the service would read it from.
        variables.put("TENANT_KEY_FILE", directory.resolve("service-tenant.key").toString());

        for (String line : lines) {
            List<String> words = words(line);
            if (words.getFirst().equals("pg_dump")) {
                assertThat(pgDump(directory, words).exitCode()).as(line).isZero();
                assertThat(directory.resolve("before-migrate.dump")).isNotEmptyFile();
            } else {
                Cli.Run run = Cli.run(environmentFor(words), words.subList(1, words.size()).toArray(String[]::new));
                assertThat(run.status()).as(line + "\n" + run).isZero();
                afterwards(words.get(1), run);
            }
        }
        // The last line undid V15, and the runbook's key went with it; this release's probe needs V15 (its
        // TenantContext asks tenant_refusal()). So migrate again, make a new key, and check as the plain owner,
        // as operators without the monitoring role run it, the key named in the environment: still green.
        Map<String, String> asOwnerEnvironment = new HashMap<>(environmentFor(List.of("--user", "billing_owner")));
        Cli.Run migrate = Cli.run(asOwnerEnvironment, "migrate", "--url", url, "--user", "billing_owner");
        assertThat(migrate.status()).as(migrate.toString()).isZero();
        afterUndoKey = directory.resolve("after-undo.key");
        Cli.Run create = Cli.run(asOwnerEnvironment, "tenant-keys", "create", "k2", "--out", afterUndoKey.toString(),
                "--url", url, "--user", "billing_owner");
        assertThat(create.status()).as(create.toString()).isZero();
        // The probe's rolled-back rows left pages in users: V15, applied again, took it for a database with tenants.
        Cli.Run signed = Cli.run(asOwnerEnvironment, "tenant-keys", "require-signed", "--url", url, "--user", "billing_owner");
        assertThat(signed.status()).as(signed.toString()).isZero();
        asOwnerEnvironment.put(TenantKey.FILE_ENVIRONMENT, afterUndoKey.toString());
        Cli.Run asOwner = Cli.run(asOwnerEnvironment, "check", "--url", url, "--user", "billing_owner",
                "--app-user", "billing_service");
        assertThat(asOwner.status()).as(asOwner.toString()).isZero();
        assertThat(asOwner.err()).contains("(tenants signed with key k2)");
        assertThat(asOwner.out()).containsPattern("isolation +PASS").containsPattern("NOT_AVAILABLE +duplicate invoice numbers");
    }

    /** What each step must have done, beyond its exit status. */
    private void afterwards(String command, Cli.Run run) throws IOException, SQLException {
        switch (command) {
            case "migrate" -> variables.put("VERSION", latestVersion());
            case "tenant-keys" -> {
                if (run.out().contains("Tenant context: signed tokens required") && !run.out().contains("Created")) {
                    return; // require-signed
                }
                Path keyFile = Path.of(variables.get("TENANT_KEY_FILE"));
                String secret = Files.readString(keyFile).strip().split(":")[1];
                assertThat(run.out()).contains("Created tenant key k1: written to " + keyFile)
                        .doesNotContain(secret);
                assertThat(run.err()).doesNotContain(secret);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            }
            case "check" -> {
                assertThat(run.out())
                        .containsPattern("server +PostgreSQL 15\\.")
                        .containsPattern("isolation +PASS")
                        // The monitoring role bypasses RLS: the cross-tenant check runs.
                        .containsPattern("OK +duplicate invoice numbers");
                // The probe's tenants were the service's: signed with its key.
                assertThat(run.err()).contains("(tenants signed with key k1)");
            }
            case "undo" -> assertThat(latestVersion()).isNotEqualTo(variables.get("VERSION"));
            default -> throw new AssertionError("no step " + command);
        }
    }

    @Test
    void with_tenants_stored_the_backup_needs_the_monitoring_role(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(pgDumpVersion().isPresent(), "pg_dump is not installed");
        the_deployment_runbook_works_as_written(directory);
        // A tenant stored by the service as the service stores it: signed with its key.
        TenantKey key = TenantKey.fromFile(afterUndoKey);
        try (Connection service = DriverManager.getConnection(url, "billing_service", PASSWORDS.get("billing_service"));
             PreparedStatement statement = service.prepareStatement("select set_config('app.tenant_token', ?, true)")) {
            UUID tenant = UUID.randomUUID();
            service.setAutoCommit(false);
            statement.setString(1, key.token(tenant, Instant.now().plusSeconds(60)));
            statement.execute();
            try (Statement insert = service.createStatement()) {
                insert.execute("insert into users (id, name, email) values ('" + tenant + "', 'Tenant', 't@example.com')");
            }
            service.commit();
        }

        assertThat(pgDump(directory, List.of("pg_dump", "--format=custom", "--username=invoice_monitor",
                "--dbname=billing", "--file=with-tenants.dump")).exitCode()).isZero();
        Dump asOwner = pgDump(directory, List.of("pg_dump", "--format=custom", "--username=billing_owner",
                "--dbname=billing", "--file=as-owner.dump"));
        assertThat(asOwner.exitCode()).isNotZero();
        assertThat(asOwner.output()).contains("row-level security");
    }

    private void createTheRoles(String sql) throws SQLException {
        try (Connection connection = server.superuser().connect(); Statement statement = connection.createStatement()) {
            for (String command : sql.split(";\\s*\\n")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
            for (Map.Entry<String, String> login : PASSWORDS.entrySet()) {
                statement.execute("alter role " + login.getKey() + " password '" + login.getValue() + "'");
            }
        }
    }

    /** INVOICEKIT_DB_PASSWORD: the --user's; INVOICEKIT_APP_PASSWORD: the service login's. */
    private static Map<String, String> environmentFor(List<String> words) {
        String user = words.get(words.indexOf("--user") + 1);
        return Map.of(DatabaseOptions.PASSWORD, PASSWORDS.get(user), IsolationStep.PASSWORD,
                PASSWORDS.get("billing_service"));
    }

    private record Dump(int exitCode, String output) {
    }

    private Dump pgDump(Path directory, List<String> words) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(words).directory(directory.toFile()).redirectErrorStream(true);
        String user = words.stream().filter(word -> word.startsWith("--username=")).findFirst().orElseThrow()
                .substring("--username=".length());
        builder.environment().put("PGHOST", "localhost");
        builder.environment().put("PGPORT", Integer.toString(server.port()));
        builder.environment().put("PGPASSWORD", PASSWORDS.get(user));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Dump(process.waitFor(), output);
    }

    private static Optional<String> pgDumpVersion() {
        try {
            Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(output.strip()) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private String latestVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "invoice_monitor", PASSWORDS.get("invoice_monitor"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     select version from flyway_schema_history where success and version is not null
                     order by installed_rank desc limit 1""")) {
            result.next();
            return result.getString(1);
        }
    }

    /** The line's words, quotes removed and $VARIABLES replaced. */
    private List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            String word = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                word = word.replace("$" + variable.getKey(), variable.getValue());
            }
            assertThat(word).as("a variable the runbook uses before it is known").doesNotContain("$");
            words.add(word);
        }
        return words;
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String block(String text, String language) {
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(block.find()).as("a ```" + language + " block").isTrue();
        return block.group(1);
    }
}
