package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.DatabaseSnapshot;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands by URL on an empty database owned by a plain owner login (no superuser, no
 * BYPASSRLS, no CREATEROLE), as in a real deployment: migrate, then audit and health, the service's
 * tenant key, isolation and check with it, then undo the latest version and migrate it again. In
 * order, on one database.
 */
@ExtendWith(ScratchDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UrlCommandsTest {

    private static final String OWNER = "cli_test_owner";
    private static final String OWNER_PASSWORD = "owner-secret";
    private static final String APP_LOGIN = "cli_test_service";
    private static final String APP_PASSWORD = "service-secret";

    private ConnectionSettings superuser;
    private String url;
    private Map<String, String> environment;
    private final List<String> applied = new ArrayList<>();
    /** The service's tenant key, as tenant-keys create wrote it (one directory for the class's tests). */
    @TempDir
    static Path keys;
    private Path keyFile;

    @BeforeAll
    void a_plain_owner_and_its_empty_database(ScratchDatabases databases) throws SQLException {
        superuser = databases.empty();
        PlainDeployment.create(superuser, OWNER, OWNER_PASSWORD, APP_LOGIN, APP_PASSWORD);
        url = superuser.jdbcUrl();
        environment = Map.of(DatabaseOptions.PASSWORD, OWNER_PASSWORD, IsolationStep.PASSWORD, APP_PASSWORD);
        keyFile = keys.resolve("service.key");
    }

    /** The passwords' environment, and one variable more. */
    private Map<String, String> with(String variable, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(variable, value);
        return more;
    }

    @Test
    @Order(1)
    void migrate_applies_every_version_as_the_plain_owner() {
        Cli.Run run = Cli.run(environment, "migrate", "--url", url, "--user", OWNER, "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("command").asText()).isEqualTo("migrate");
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        json.get("applied").forEach(version -> applied.add(version.asText()));
        assertThat(applied).startsWith("1", "2", "3").hasSizeGreaterThanOrEqualTo(14);
        assertThat(json.get("schemaVersion").asText()).isEqualTo(applied.getLast());
        assertThat(json.at("/database/user").asText()).isEqualTo(OWNER);
        assertThat(run.err()).contains("migrating as " + OWNER);
    }

    @Test
    @Order(2)
    void migrate_again_applies_nothing() {
        Cli.Run run = Cli.run(environment, "migrate", "--url", url, "--user", OWNER);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Nothing to apply: schema version " + applied.getLast());
    }

    @Test
    @Order(3)
    void audit_as_the_owner_finds_nothing() {
        Cli.Run run = Cli.run(environment, "audit", "--url", url, "--user", OWNER);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("no findings").contains("audit: PASS, 0 findings");
    }

    @Test
    @Order(4)
    void health_as_the_plain_owner_passes_with_the_cross_tenant_check_not_available() {
        Cli.Run run = Cli.run(environment, "health", "--url", url, "--user", OWNER);

        assertThat(run.status()).as(run.toString()).isZero();
        // A fresh database's indexes were never scanned: a warning, not a failure.
        assertThat(run.out()).contains("health: WARN")
                .containsPattern("WARN +unused indexes")
                .containsPattern("NOT_AVAILABLE +duplicate invoice numbers +runs as " + OWNER)
                .contains("BYPASSRLS");
    }

    @Test
    @Order(5)
    void health_json_parses_and_has_the_verdict_and_every_check() {
        Cli.Run run = Cli.run(environment, "health", "--url", url, "--user", OWNER, "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("verdict").asText()).isEqualTo("WARN");
        assertThat(json.get("overall").asText()).isEqualTo("WARN");
        assertThat(json.get("checks")).anySatisfy(check -> {
            assertThat(check.get("name").asText()).isEqualTo("duplicate invoice numbers");
            assertThat(check.get("status").asText()).isEqualTo("NOT_AVAILABLE");
        });
        assertThat(json.at("/database/schemaVersion").asText()).isEqualTo(applied.getLast());
        assertThat(json.at("/database/server").asText()).startsWith("PostgreSQL ");
    }

    @Test
    @Order(6)
    void the_service_key_is_made_by_the_owner_and_without_it_isolation_refuses_to_run() throws Exception {
        Cli.Run create = Cli.run(environment, "tenant-keys", "create", "service-1", "--out", keyFile.toString(),
                "--url", url, "--user", OWNER);

        assertThat(create.status()).as(create.toString()).isZero();
        assertThat(create.out()).contains("Created tenant key service-1: written to " + keyFile + " (mode 0600)");
        assertThat(TenantKey.fromFile(keyFile).id()).isEqualTo("service-1");

        // A fresh database requires signed tenant tokens: unsigned, the probe could seed nothing, and says so.
        Cli.Run unsigned = Cli.run(Map.of(DatabaseOptions.PASSWORD, APP_PASSWORD), "isolation", "--url", url,
                "--user", APP_LOGIN);

        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(2);
        assertThat(unsigned.out()).isEmpty();
        assertThat(unsigned.err().lines().filter(line -> line.startsWith("invoicekit isolation:"))).singleElement()
                .asString().isEqualTo("invoicekit isolation: without the service's tenant key the probe can seed no "
                        + "tenant: this database requires a signed tenant token from members of invoice_app: app.user_id "
                        + "alone is ignored (see tenant_context_mode); pass the key with --tenant-key-file <file>, or "
                        + "INVOICEKIT_TENANT_KEY_FILE / INVOICEKIT_TENANT_KEY in the environment");
    }

    @Test
    @Order(7)
    void check_sums_up_for_a_change_ticket(@TempDir Path directory) throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("owner.password"), OWNER_PASSWORD + "\n");

        Path appPasswordFile = Files.writeString(directory.resolve("service.password"), APP_PASSWORD + "\n");

        Cli.Run run = Cli.run(Map.of(), "check", "--url", url, "--user", OWNER, "--password-file", passwordFile.toString(),
                "--app-user", APP_LOGIN, "--app-password-file", appPasswordFile.toString(),
                "--tenant-key-file", keyFile.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("invoicekit check: WARN")
                .containsPattern("database +" + OWNER + " at " + url)
                .containsPattern("server +PostgreSQL \\d+")
                .containsPattern("schema version +" + applied.getLast() + " \\(none pending\\)")
                .containsPattern("audit +PASS +0 findings")
                .containsPattern("isolation +PASS +\\d+ attacks on 12 tables, 0 not as expected")
                .containsPattern("health +WARN +\\d+ checks: \\d+ OK, 1 WARN, 0 FAIL, 2 NOT_AVAILABLE")
                .containsPattern("verdict +WARN")
                .containsPattern("taken +.*s in all");
    }

    @Test
    @Order(8)
    void check_json_has_each_part() {
        // The key as the service is given it: a file named in the environment.
        Cli.Run run = Cli.run(with(TenantKey.FILE_ENVIRONMENT, keyFile.toString()), "check", "--url", url,
                "--user", OWNER, "--app-user", APP_LOGIN, "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("verdict").asText()).isEqualTo("WARN");
        assertThat(json.get("parts")).extracting(part -> part.get("name").asText())
                .containsExactly("audit", "isolation", "health");
        assertThat(json.get("parts")).extracting(part -> part.get("verdict").asText())
                .containsExactly("PASS", "PASS", "WARN");
        assertThat(json.at("/parts/1/report/attacks")).allSatisfy(attack ->
                assertThat(attack.get("asExpected").asBoolean()).as(attack.toString()).isTrue());
        assertThat(json.at("/parts/1/report/tenantKey").asText()).isEqualTo("service-1");
        assertThat(json.at("/parts/0/report/findings")).isEmpty();
        assertThat(run.err()).contains("auditing row-level security").contains("taking the health report");
    }

    @Test
    @Order(9)
    void check_leaves_every_row_and_sequence_as_it_found_them() throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.of(superuser.dataSource());

        // The key itself in the environment.
        Cli.Run run = Cli.run(with(TenantKey.ENVIRONMENT, Files.readString(keyFile)), "check", "--url", url,
                "--user", OWNER, "--app-user", APP_LOGIN);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("isolation +PASS");
        assertThat(DatabaseSnapshot.of(superuser.dataSource())).isEqualTo(before);
    }

    @Test
    @Order(9)
    void isolation_attacks_a_tenant_table_the_service_added() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table service_notes (
                        user_id uuid not null references users (id),
                        id      bigserial,
                        body    text not null,
                        primary key (user_id, id));
                    alter table service_notes enable row level security;
                    alter table service_notes force row level security;
                    create policy service_notes_tenant on service_notes
                        using (user_id = (select current_tenant_id()));
                    grant select, insert, delete on service_notes to invoice_app;
                    grant usage on sequence service_notes_id_seq to invoice_app""");
        }
        try {
            Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, APP_PASSWORD), "isolation", "--url", url,
                    "--user", APP_LOGIN, "--tenant-key-file", keyFile.toString(), "--json");

            assertThat(run.status()).as(run.toString()).isZero();
            assertThat(run.json().get("tables")).extracting(JsonNode::asText).contains("service_notes");
            assertThat(run.json().get("attacks"))
                    .filteredOn(attack -> attack.get("table").asText().equals("service_notes"))
                    .extracting(attack -> attack.get("attack").asText())
                    .contains("control: read my own row", "read another tenant's rows",
                            "copy my row with another tenant's key");
        } finally {
            try (Connection connection = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table service_notes");
            }
        }
    }

    @Test
    @Order(9)
    void isolation_refuses_a_login_that_would_prove_nothing() {
        Cli.Run run = Cli.run(environment, "isolation", "--url", url, "--user", OWNER);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(OWNER + " is not a plain LOGIN member of invoice_app");
    }

    @Test
    @Order(10)
    void undo_the_latest_then_migrate_applies_it_again() {
        String latest = applied.getLast();

        Cli.Run undo = Cli.run(environment, "undo", latest, "--url", url, "--user", OWNER);

        assertThat(undo.status()).as(undo.toString()).isZero();
        String previous = applied.get(applied.size() - 2);
        assertThat(undo.out()).contains("Undid version " + latest + "; schema version now " + previous);

        Cli.Run migrate = Cli.run(environment, "migrate", "--url", url, "--user", OWNER, "--lock-timeout", "10s",
                "--statement-timeout", "30m", "--json");

        assertThat(migrate.status()).as(migrate.toString()).isZero();
        assertThat(migrate.json().get("applied")).extracting(JsonNode::asText).containsExactly(latest);
        Cli.Run audit = Cli.run(environment, "audit", "--url", url, "--user", OWNER);
        assertThat(audit.status()).as(audit.toString()).isZero();
    }

    @Test
    @Order(11)
    void undo_of_a_version_that_is_not_the_latest_is_refused_with_exit_2() {
        Cli.Run run = Cli.run(environment, "undo", "3", "--url", url, "--user", OWNER);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        // Progress lines are "invoicekit: ..."; the one error line names the command.
        assertThat(run.err().lines().filter(line -> line.startsWith("invoicekit undo:"))).singleElement().asString()
                .startsWith("invoicekit undo: undo of version 3 refused: the latest applied migration is "
                        + applied.getLast());
    }

    @Test
    @Order(12)
    void audit_runs_as_any_role_here_the_application_login() throws SQLException {
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS cli_test_app");
            statement.execute("CREATE ROLE cli_test_app LOGIN PASSWORD 'app-secret' IN ROLE invoice_app");
        }
        try {
            Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, "app-secret"), "audit", "--url", url,
                    "--user", "cli_test_app", "--json");

            assertThat(run.status()).as(run.toString()).isZero();
            assertThat(run.json().get("verdict").asText()).isEqualTo("PASS");
            assertThat(run.json().at("/database/user").asText()).isEqualTo("cli_test_app");
            // It may not read the migration history: said, not guessed.
            assertThat(run.json().at("/database/schemaVersion").asText()).startsWith("unknown (");
            System.out.println("schema version as the application login: " + run.json().at("/database/schemaVersion"));
        } finally {
            try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP ROLE cli_test_app");
            }
        }
    }
}
