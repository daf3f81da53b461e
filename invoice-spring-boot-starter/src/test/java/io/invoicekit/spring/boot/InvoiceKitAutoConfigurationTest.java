package io.invoicekit.spring.boot;

import static io.invoicekit.spring.boot.ServiceContexts.draft;
import static io.invoicekit.spring.boot.ServiceContexts.newClient;
import static io.invoicekit.spring.boot.ServiceContexts.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.AuditEvent;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store Boot builds for a service, on Boot's own jOOQ context, and when it steps aside. */
@ExtendWith(TestDatabaseExtension.class)
class InvoiceKitAutoConfigurationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 16);

    private final MigratedDatabase database;
    private final ApplicationContextRunner service;

    InvoiceKitAutoConfigurationTest(MigratedDatabase database) {
        this.database = database;
        this.service = ServiceContexts.service(database);
    }

    @Test
    void the_store_works_on_boots_jooq_context_as_the_application_login() {
        service.run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            ClientId client = newClient(store, tenant);

            Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(client, DAY)));

            Optional<Invoice> found = store.inTenant(tenant, tx -> tx.invoices().find(draft.id()));
            assertThat(found).contains(draft);
            assertThat(context).hasSingleBean(DSLContext.class).hasSingleBean(DataSource.class);
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select current_user",
                    String.class)).isEqualTo(database.application().user());
        });
    }

    @Test
    void a_clock_bean_tells_the_store_what_day_it_is() {
        Clock clock = Clock.fixed(DAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

        service.withBean(Clock.class, () -> clock).run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(newClient(store, tenant),
                    DAY.minusDays(3))));

            Invoice issued = store.inTenant(tenant, tx -> tx.invoices().issue(draft.id(), draft.version()));

            assertThat(issued.issueDate()).isEqualTo(DAY);
        });
    }

    @Test
    void an_audit_actor_bean_names_who_acts_in_the_audit_trail() {
        service.withBean(AuditActor.class, () -> () -> "clerk-42").run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            ClientId client = newClient(store, tenant);

            Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(client, DAY)));

            List<AuditEvent> history = store.inTenant(tenant, tx -> tx.audit().of(draft.id()));
            assertThat(history).isNotEmpty().extracting(AuditEvent::actor).containsOnly("clerk-42");
        });
    }

    /** The service's store signs as the service chose: the starter asks for no key of its own then. */
    @Test
    void the_store_steps_aside_for_the_services_own() {
        InvoiceStore own = InvoiceStore.builder().dataSource(database.applicationDataSource())
                .tenantSigning(TenantSigning.signed(TenantKey.parse(database.tenantKey()))).build();

        ServiceContexts.withoutTenantKey(database.application(), database.owner())
                .withBean("ownStore", InvoiceStore.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed().getBean(InvoiceStore.class).isSameAs(own));
    }

    @Test
    void without_a_datasource_there_is_no_store_and_nothing_to_migrate_fails() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InvoiceKitAutoConfiguration.class))
                .withPropertyValues("invoicekit.migration.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InvoiceStore.class));
    }

    @Test
    void the_invoicekit_properties_are_bound_and_never_print_a_password() {
        service.withPropertyValues("invoicekit.migration.application-role=billing_app",
                        "invoicekit.migration.lock-timeout=2s", "invoicekit.migration.enabled=false",
                        "invoicekit.health.username=monitor", "invoicekit.health.password=s3cret-monitor")
                .run(context -> {
                    InvoiceKitProperties properties = context.getBean(InvoiceKitProperties.class);
                    assertThat(properties.migration().enabled()).isFalse();
                    assertThat(properties.migration().username()).isEqualTo(database.owner().user());
                    assertThat(properties.migration().applicationRole()).isEqualTo("billing_app");
                    assertThat(properties.migration().lockTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.migration().statementTimeout()).isNull();
                    assertThat(properties.health().username()).isEqualTo("monitor");
                    assertThat(properties.health().password()).isEqualTo("s3cret-monitor");
                    assertThat(properties.toString()).contains("monitor").doesNotContain("s3cret");
                });
    }

    @Test
    void the_application_role_defaults_to_the_one_the_migrations_grant_to() {
        service.withPropertyValues("invoicekit.migration.enabled=false").run(context -> assertThat(
                context.getBean(InvoiceKitProperties.class).migration().applicationRole())
                .isEqualTo(database.applicationRole()));
    }
}
