package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Without --url each command starts an embedded PostgreSQL of its own, migrates it as a plain owner
 * through migrate's code path, runs on it and removes it: on a fresh machine, {@code invoicekit check}
 * is the whole job.
 */
class EmbeddedDefaultTest {

    @Test
    void check_passes_on_the_embedded_default_and_says_which_server() {
        Cli.Run run = Cli.run("check");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.err()).contains("no --url: starting an embedded PostgreSQL")
                .containsPattern("embedded PostgreSQL \\d+\\.\\d+ on localhost:\\d+")
                .contains("migrating as " + EmbeddedDatabase.OWNER)
                // A fresh database requires signed tenant tokens: the run makes a key, and the probe signs with it.
                .contains("tenant key " + EmbeddedDatabase.RUN_KEY + " created for this run as " + EmbeddedDatabase.OWNER)
                .contains("(tenants signed with key " + EmbeddedDatabase.RUN_KEY + ")");
        // A fresh database's indexes were never scanned: health warns, which is exit 0.
        assertThat(run.out()).contains("invoicekit check: WARN")
                .containsPattern("database +" + EmbeddedDatabase.OWNER + " at jdbc:postgresql://localhost:\\d+/invoicekit "
                        + "\\(embedded PostgreSQL \\d+\\.\\d+, throwaway\\)")
                .containsPattern("audit +PASS")
                .containsPattern("isolation +PASS +\\d+ attacks on 12 tables, 0 not as expected")
                .containsPattern("health +WARN +\\d+ checks: \\d+ OK, 1 WARN, 0 FAIL")
                // The owner is a plain one, as in a deployment: the cross-tenant check cannot look.
                .containsPattern("NOT_AVAILABLE +duplicate invoice numbers +runs as " + EmbeddedDatabase.OWNER)
                .containsPattern("taken .* s in all \\(.* s starting and migrating the embedded server\\)");
    }

    @Test
    void audit_passes_on_the_embedded_default() {
        Cli.Run run = Cli.run("audit", "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.at("/database/embedded").asBoolean()).isTrue();
        assertThat(json.at("/database/user").asText()).isEqualTo(EmbeddedDatabase.OWNER);
    }

    @Test
    void tenant_keys_list_on_the_embedded_default_shows_the_run_key_and_no_secret() {
        Cli.Run run = Cli.run("tenant-keys", "list", "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("command").asText()).isEqualTo("tenant-keys list");
        assertThat(json.get("mode").asText()).isEqualTo("signed");
        assertThat(json.get("keys")).singleElement().satisfies(key -> {
            assertThat(key.get("id").asText()).isEqualTo(EmbeddedDatabase.RUN_KEY);
            assertThat(key.get("retired").isNull()).isTrue();
            assertThat(key.fieldNames()).toIterable().containsExactly("id", "created", "retired");
        });
    }

    @Test
    void health_passes_on_the_embedded_default() {
        Cli.Run run = Cli.run("health");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("health: WARN").containsPattern("OK +migrations +\\d+ applied, none pending");
    }

    @Test
    void migrate_on_the_embedded_default_applies_every_version_to_the_target() {
        Cli.Run run = Cli.run("migrate", "--target", "7", "--json");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.json().get("applied")).extracting(JsonNode::asText).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(run.json().at("/database/pendingMigrations").asInt()).isPositive();
    }
}
