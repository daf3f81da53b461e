package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
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
 * {@code invoicekit tenant-keys} by URL as a plain owner on a fresh database (which requires signed
 * tenant tokens from the start): the first key into a file of its owner's only, a rotation, the
 * database's refusals as exit 2 with its own message, the mode both ways, and isolation with the
 * right, a forged, a retired and no key. In order, on one database.
 */
@ExtendWith(ScratchDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantKeysCommandTest {

    private static final String OWNER = "cli_keys_owner";
    private static final String OWNER_PASSWORD = "keys-owner-secret";
    private static final String APP_LOGIN = "cli_keys_service";
    private static final String APP_PASSWORD = "keys-service-secret";
    private static final Map<String, String> AS_OWNER = Map.of(DatabaseOptions.PASSWORD, OWNER_PASSWORD);
    private static final Map<String, String> AS_SERVICE = Map.of(DatabaseOptions.PASSWORD, APP_PASSWORD);

    @TempDir
    static Path directory;
    private String url;

    @BeforeAll
    void a_plain_owner_and_its_migrated_database(ScratchDatabases databases) throws SQLException {
        ConnectionSettings superuser = databases.empty();
        PlainDeployment.create(superuser, OWNER, OWNER_PASSWORD, APP_LOGIN, APP_PASSWORD);
        url = superuser.jdbcUrl();
        Cli.Run migrate = owner("migrate");
        assertThat(migrate.status()).as(migrate.toString()).isZero();
    }

    private Cli.Run owner(String... args) {
        return Cli.run(AS_OWNER, withUrl(OWNER, args));
    }

    private String[] withUrl(String user, String... args) {
        List<String> words = new java.util.ArrayList<>(List.of(args));
        words.addAll(List.of("--url", url, "--user", user));
        return words.toArray(String[]::new);
    }

    private Path file(String name) {
        return directory.resolve(name);
    }

    /** The line that names the command on stderr (progress lines are "invoicekit: ..."). */
    private static String errorLine(Cli.Run run, String command) {
        List<String> lines = run.err().lines().filter(line -> line.startsWith("invoicekit " + command + ":")).toList();
        assertThat(lines).as(run.toString()).hasSize(1);
        return lines.getFirst();
    }

    @Test
    @Order(1)
    void a_fresh_database_requires_signed_tokens_and_has_no_key() {
        Cli.Run run = owner("tenant-keys", "list");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3).element(1).isEqualTo("No tenant keys.");
        assertThat(run.out().lines().toList().get(2))
                .isEqualTo("Tenant context: signed tokens required from members of invoice_app; valid keys: none");
    }

    @Test
    @Order(2)
    void require_signed_without_a_valid_key_is_the_databases_refusal_exit_2() {
        Cli.Run run = owner("tenant-keys", "require-signed");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(errorLine(run, "tenant-keys require-signed")).isEqualTo("invoicekit tenant-keys require-signed: "
                + "no valid tenant key: create one (create_tenant_key) and give it to the service first");
    }

    @Test
    @Order(3)
    void create_writes_the_key_to_a_file_of_its_owner_only_and_prints_no_secret() throws Exception {
        Path keyFile = file("k1.key");

        Cli.Run run = owner("tenant-keys", "create", "k1", "--out", keyFile.toString());

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String text = Files.readString(keyFile);
        assertThat(text).matches("k1:[0-9a-f]{128}\n");
        String secret = text.strip().substring("k1:".length());
        assertThat(TenantKey.fromFile(keyFile).id()).isEqualTo("k1");
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().toList().get(0)).startsWith("Database: " + OWNER + " at " + url);
        assertThat(run.out().lines().toList().subList(1, 3)).containsExactly(
                "Created tenant key k1: written to " + keyFile + " (mode 0600)",
                "Tenant context: signed tokens required from members of invoice_app; valid keys: k1");
        assertThat(run.out() + run.err()).doesNotContain(secret).doesNotContain(secret.toUpperCase());
    }

    @Test
    @Order(4)
    void create_refuses_an_existing_file_a_taken_id_and_an_invalid_id_and_leaves_no_key_behind() throws Exception {
        Path existing = Files.writeString(file("existing.key"), "keep me\n");

        Cli.Run overwrite = owner("tenant-keys", "create", "k9", "--out", existing.toString());

        assertThat(overwrite.status()).as(overwrite.toString()).isEqualTo(2);
        assertThat(errorLine(overwrite, "tenant-keys create")).isEqualTo("invoicekit tenant-keys create: --out "
                + existing + " already exists: a key file is never overwritten (choose another file, or move that one away)");
        assertThat(existing).hasContent("keep me");

        Path again = file("k1-again.key");
        Cli.Run taken = owner("tenant-keys", "create", "k1", "--out", again.toString());

        assertThat(taken.status()).as(taken.toString()).isEqualTo(2);
        assertThat(errorLine(taken, "tenant-keys create")).isEqualTo("invoicekit tenant-keys create: cannot create "
                + "tenant key k1: that key id is already one of this database's tenant keys (a retired one included): "
                + "choose another");
        assertThat(again).doesNotExist();

        Cli.Run invalid = owner("tenant-keys", "create", "no spaces", "--out", file("invalid.key").toString());

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(2);
        assertThat(errorLine(invalid, "tenant-keys create")).isEqualTo("invoicekit tenant-keys create: a tenant key "
                + "id must be 1 to 32 letters, digits, _ or -, was 'no spaces'");
        assertThat(file("invalid.key")).doesNotExist();

        Cli.Run list = owner("tenant-keys", "list", "--json");
        assertThat(list.json().get("keys")).extracting(key -> key.get("id").asText()).containsExactly("k1");
    }

    @Test
    @Order(5)
    void isolation_passes_with_the_key_and_refuses_to_run_without_it_or_with_a_forged_one() throws Exception {
        Cli.Run signed = Cli.run(AS_SERVICE, withUrl(APP_LOGIN, "isolation", "--tenant-key-file", file("k1.key").toString()));

        assertThat(signed.status()).as(signed.toString()).isZero();
        assertThat(signed.out()).contains("isolation: PASS");

        Cli.Run unsigned = Cli.run(AS_SERVICE, withUrl(APP_LOGIN, "check"));

        // In check the probe is that part's ERROR, and check exits 2.
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(2);
        assertThat(unsigned.out()).containsPattern("isolation +ERROR +could not run: without the service's tenant key");

        // The right id, another secret: a key the database did not make.
        byte[] forged = new byte[64];
        new SecureRandom().nextBytes(forged);
        Cli.Run forgery = Cli.run(Map.of(DatabaseOptions.PASSWORD, APP_PASSWORD, TenantKey.ENVIRONMENT,
                "k1:" + HexFormat.of().formatHex(forged)), withUrl(APP_LOGIN, "isolation"));

        assertThat(forgery.status()).as(forgery.toString()).isEqualTo(2);
        assertThat(errorLine(forgery, "isolation")).isEqualTo("invoicekit isolation: the database takes no tenant "
                + "signed with key k1: the tenant token's signature does not match key k1 (another secret under the same "
                + "id?); pass the service's current tenant key");

        Cli.Run noFile = Cli.run(AS_SERVICE, withUrl(APP_LOGIN, "isolation", "--tenant-key-file",
                file("missing.key").toString()));

        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(2);
        assertThat(errorLine(noFile, "isolation")).startsWith("invoicekit isolation: cannot read the tenant key file "
                + file("missing.key"));
    }

    @Test
    @Order(6)
    void the_last_valid_key_is_not_retired_and_a_rotation_is() throws Exception {
        Cli.Run last = owner("tenant-keys", "retire", "k1");

        assertThat(last.status()).as(last.toString()).isEqualTo(2);
        assertThat(errorLine(last, "tenant-keys retire")).isEqualTo("invoicekit tenant-keys retire: "
                + "tenant key k1 is the last valid key: create its successor first");

        Cli.Run successor = owner("tenant-keys", "create", "k2", "--out", file("k2.key").toString());
        assertThat(successor.status()).as(successor.toString()).isZero();
        Cli.Run retire = owner("tenant-keys", "retire", "k1");

        assertThat(retire.status()).as(retire.toString()).isZero();
        assertThat(retire.out().lines().toList().subList(1, 3)).containsExactly(
                "Retired tenant key k1: tokens signed with it give no tenant from now on",
                "Tenant context: signed tokens required from members of invoice_app; valid keys: k2");

        Cli.Run unknown = owner("tenant-keys", "retire", "k1");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(2);
        assertThat(errorLine(unknown, "tenant-keys retire"))
                .isEqualTo("invoicekit tenant-keys retire: tenant key k1 is not a valid key of this database");

        Cli.Run retired = Cli.run(AS_SERVICE, withUrl(APP_LOGIN, "isolation", "--tenant-key-file", file("k1.key").toString()));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(2);
        assertThat(errorLine(retired, "isolation")).startsWith("invoicekit isolation: the database takes no tenant "
                + "signed with key k1: the tenant token is signed with key k1, retired at ");
    }

    @Test
    @Order(7)
    void list_shows_ids_and_dates_never_a_secret() throws Exception {
        Cli.Run text = owner("tenant-keys", "list");
        Cli.Run json = owner("tenant-keys", "list", "--json");

        assertThat(text.status()).as(text.toString()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).matches("key id +created +retired");
        assertThat(lines.get(2)).matches("k1 +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(lines.get(3)).matches("k2 +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +-");
        assertThat(lines.get(4)).isEqualTo("Tenant context: signed tokens required from members of invoice_app; valid keys: k2");

        JsonNode document = json.json();
        assertThat(document.get("command").asText()).isEqualTo("tenant-keys list");
        assertThat(document.get("verdict").asText()).isEqualTo("PASS");
        assertThat(document.get("mode").asText()).isEqualTo("signed");
        assertThat(document.get("unsignedAllowed").asBoolean()).isFalse();
        assertThat(document.get("validKeys")).extracting(JsonNode::asText).containsExactly("k2");
        assertThat(document.get("keys")).extracting(key -> key.get("id").asText()).containsExactly("k1", "k2");
        assertThat(document.at("/keys/0/retired").isTextual()).isTrue();
        assertThat(document.at("/keys/1/retired").isNull()).isTrue();
        for (String key : List.of("k1.key", "k2.key")) {
            String secret = Files.readString(file(key)).strip().split(":")[1];
            assertThat(text.out() + text.err() + json.out() + json.err()).doesNotContainIgnoringCase(secret);
        }
    }

    @Test
    @Order(8)
    void the_mode_both_ways() {
        Cli.Run allow = owner("tenant-keys", "allow-unsigned");

        assertThat(allow.status()).as(allow.toString()).isZero();
        assertThat(allow.out().lines().toList().get(1)).isEqualTo("Tenant context: compatibility mode (members of "
                + "invoice_app may also set app.user_id unsigned); valid keys: k2");

        Cli.Run require = owner("tenant-keys", "require-signed", "--json");

        assertThat(require.status()).as(require.toString()).isZero();
        assertThat(require.json().get("command").asText()).isEqualTo("tenant-keys require-signed");
        assertThat(require.json().get("mode").asText()).isEqualTo("signed");
    }

    @Test
    @Order(9)
    void as_the_application_login_tenant_keys_is_refused_naming_the_owner() {
        Cli.Run run = Cli.run(AS_SERVICE, withUrl(APP_LOGIN, "tenant-keys", "list"));

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run, "tenant-keys list")).isEqualTo("invoicekit tenant-keys list: cannot read the tenant "
                + "keys: permission denied for table tenant_keys: tenant-keys runs as the schema owner");
    }

    @Test
    @Order(9)
    void without_a_subcommand_it_is_exit_2_and_each_says_it_runs_as_the_owner() {
        Cli.Run none = Cli.run("tenant-keys");

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err().lines()).singleElement().asString().isEqualTo("invoicekit tenant-keys: a command is missing "
                + "(create, retire, list, require-signed, allow-unsigned; see invoicekit tenant-keys --help)");
        for (String command : List.of("create", "retire", "list", "require-signed", "allow-unsigned")) {
            Cli.Run help = Cli.run("tenant-keys", command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Role: the schema owner").contains("--url").contains("--json")
                    .contains("Exit status");
        }
        assertThat(Cli.run("--help").out()).contains("tenant-keys");
    }
}
