package io.invoicekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code invoicekit} health indicator says what the library's health report found. */
@ExtendWith(ScratchDatabaseExtension.class)
class InvoiceKitHealthTest {

    private final ScratchDatabases databases;
    private final MigratedDatabase database;

    InvoiceKitHealthTest(ScratchDatabases databases) {
        this.databases = databases;
        this.database = databases.migrated();
    }

    @Test
    void a_freshly_migrated_database_is_up_with_every_check_in_the_details() {
        Health health = healthOf(ServiceContexts.service(database));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("database")).asString().startsWith(database.owner().user() + " at ");
        assertThat(check(health, "migrations")).containsEntry("status", "OK");
        assertThat(check(health, "row-level security")).containsEntry("status", "OK");
        assertThat(health.getDetails()).containsKeys("invalid indexes", "not valid constraints",
                "duplicate invoice numbers", "connections", "slowest statements");
    }

    @Test
    void a_database_whose_tenants_are_not_isolated_is_down_and_says_where() throws SQLException {
        MigratedDatabase weakened = databases.migrated();
        try (Connection owner = weakened.owner().connect(); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE invoices NO FORCE ROW LEVEL SECURITY");
        }

        Health health = healthOf(ServiceContexts.service(weakened));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(check(health, "row-level security")).containsEntry("status", "FAIL")
                .extractingByKey("items").asString().contains("invoices");
    }

    @Test
    void an_unreachable_database_is_down() {
        Health health = healthOf(ServiceContexts.service(database)
                .withPropertyValues("invoicekit.health.url=jdbc:postgresql://localhost:1/nowhere",
                        "invoicekit.health.username=monitor"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("database")).asString().startsWith("an unreachable database");
    }

    @Test
    void the_report_connects_as_the_health_login_when_one_is_given() {
        Health health = healthOf(ServiceContexts.service(database).withPropertyValues(
                "invoicekit.health.username=" + database.application().user(),
                "invoicekit.health.password=" + database.application().password()));

        assertThat(health.getDetails().get("database")).asString().startsWith(database.application().user() + " at ");
        // Row-level security shows the application's login no tenant: the report says it cannot look.
        assertThat(check(health, "duplicate invoice numbers")).containsEntry("status", "NOT_AVAILABLE");
    }

    @Test
    void without_a_login_that_sees_every_tenant_the_health_is_unknown() {
        Health health = healthOf(ServiceContexts.service(database)
                .withPropertyValues("invoicekit.migration.enabled=false", "invoicekit.migration.username="));

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails().get("reason")).asString().contains("invoicekit.health.username");
    }

    @Test
    void the_indicator_is_left_out_when_switched_off_or_without_boots_health_support() {
        ApplicationContextRunner service = ServiceContexts.service(database);

        service.withPropertyValues("management.health.invoicekit.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("invoicekitHealthIndicator"));
        service.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("invoicekitHealthIndicator"));
    }

    private static Health healthOf(ApplicationContextRunner service) {
        Health[] health = new Health[1];
        service.run(context -> health[0] = context.getBean("invoicekitHealthIndicator", HealthIndicator.class).health());
        return health[0];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Health health, String name) {
        return (Map<String, Object>) health.getDetails().get(name);
    }
}
