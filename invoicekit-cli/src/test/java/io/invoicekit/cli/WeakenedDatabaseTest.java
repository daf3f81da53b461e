package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A migrated copy weakened by its superuser (row-level security disabled on invoices, TEMP granted
 * to the application role): audit and check exit 1 and name both weaknesses.
 */
@ExtendWith(ScratchDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeakenedDatabaseTest {

    private ConnectionSettings owner;
    private Map<String, String> environment;
    private String applicationLogin;

    @BeforeAll
    void weaken(ScratchDatabases databases) throws SQLException {
        MigratedDatabase database = databases.migrated();
        owner = database.owner();
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE invoices DISABLE ROW LEVEL SECURITY");
            statement.execute("GRANT TEMPORARY ON DATABASE " + owner.database() + " TO " + database.applicationRole());
        }
        // The tests' tenant key, as the service is given it.
        environment = Map.of(DatabaseOptions.PASSWORD, owner.password(),
                IsolationStep.PASSWORD, database.application().password(), TenantKey.ENVIRONMENT, database.tenantKey());
        applicationLogin = database.application().user();
    }

    @Test
    void audit_exits_1_naming_each_weakness() {
        Cli.Run run = Cli.run(environment, "audit", "--url", owner.jdbcUrl(), "--user", owner.user());

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("RLS_NOT_ENABLED invoices").contains("APP_ROLE_CAN_CREATE_TEMP")
                .contains("a member of invoice_app invoicekit_test_app has TEMP")
                .contains("audit: FAIL, 3 findings");
    }

    @Test
    void audit_json_lists_the_findings_with_their_rules() {
        Cli.Run run = Cli.run(environment, "audit", "--url", owner.jdbcUrl(), "--user", owner.user(), "--json");

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("findings")).extracting(finding -> finding.get("kind").asText())
                .containsExactlyInAnyOrder("RLS_NOT_ENABLED", "APP_ROLE_CAN_CREATE_TEMP", "APP_ROLE_CAN_CREATE_TEMP");
        assertThat(json.get("findings")).allSatisfy(finding -> assertThat(finding.get("rule").asText()).isNotBlank());
    }

    @Test
    void health_exits_1_on_its_row_level_security_check() {
        Cli.Run run = Cli.run(environment, "health", "--url", owner.jdbcUrl(), "--user", owner.user());

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +row-level security").contains("RLS_NOT_ENABLED");
    }

    @Test
    void check_exits_1_and_its_summary_says_which_part_failed() {
        Cli.Run run = Cli.run(environment, "check", "--url", owner.jdbcUrl(), "--user", owner.user(),
                "--app-user", applicationLogin);

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("invoicekit check: FAIL")
                .containsPattern("audit +FAIL +3 findings")
                .containsPattern("isolation +FAIL +\\d+ attacks on \\d+ tables, [1-9]\\d* not as expected")
                // Each weakness by the attacks it lets through: the table marks them "!!".
                .containsPattern("!! read another tenant's rows +\\| invoices")
                .containsPattern("!! create a temporary table named like ours.*\\| database TEMP")
                .containsPattern("health +FAIL +\\d+ checks: .*1 FAIL")
                .containsPattern("verdict +FAIL");
    }
}
