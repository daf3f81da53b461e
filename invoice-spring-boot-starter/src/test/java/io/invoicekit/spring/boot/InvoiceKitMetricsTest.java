package io.invoicekit.spring.boot;

import static io.invoicekit.spring.boot.ServiceContexts.draft;
import static io.invoicekit.spring.boot.ServiceContexts.newClient;
import static io.invoicekit.spring.boot.ServiceContexts.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.TenantAccessDeniedException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With a MeterRegistry (Boot's metrics auto-configuration, as Actuator brings it), issuing is timed and
 * concurrency conflicts and row-level security denials are counted; without one, or without
 * Micrometer, the store works unmeasured.
 */
@ExtendWith(TestDatabaseExtension.class)
class InvoiceKitMetricsTest {

    private static final LocalDate DAY = LocalDate.now(Clock.systemUTC());

    private final MigratedDatabase database;
    private final ApplicationContextRunner service;

    InvoiceKitMetricsTest(MigratedDatabase database) {
        this.database = database;
        this.service = ServiceContexts.service(database);
    }

    private ApplicationContextRunner measured() {
        return service.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class));
    }

    @Test
    void every_meter_is_there_at_zero_before_anything_happened() {
        measured().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            assertThat(registry.find(StoreMetrics.CONFLICTS).counters()).extracting(counter -> counter.getId().getTag("reason"))
                    .containsExactlyInAnyOrder("stale_version", "serialization_failure", "deadlock", "lock_timeout");
            assertThat(registry.find(StoreMetrics.DENIALS).counters()).singleElement()
                    .extracting(Counter::count).isEqualTo(0.0);
            assertThat(registry.find(NumberAllocationTimer.METRIC).timers())
                    .extracting(timer -> timer.getId().getTag("document") + " " + timer.getId().getTag("outcome"))
                    .containsExactlyInAnyOrder("invoice success", "invoice failure", "credit_note success",
                            "credit_note failure");
        });
    }

    @Test
    void issuing_an_invoice_and_a_credit_note_is_timed() {
        measured().run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            TenantId tenant = newTenant(store);
            ClientId client = newClient(store, tenant);

            Invoice issued = store.inTenant(tenant, tx -> {
                Invoice draft = tx.invoices().createDraft(draft(client, DAY));
                return tx.invoices().issue(draft.id(), draft.version());
            });
            store.inTenant(tenant, tx -> tx.creditNotes().creditInFull(issued.id(), "Ordered twice"));

            assertThat(issuing(registry, "invoice").count()).isEqualTo(1);
            assertThat(issuing(registry, "credit_note").count()).isEqualTo(1);
            assertThat(issuing(registry, "invoice").totalTime(TimeUnit.NANOSECONDS)).isPositive();
        });
    }

    /** The timer measures the wait: another transaction holds the series, the issue gives up after lock_timeout. */
    @Test
    void an_issue_that_waited_for_its_series_in_vain_is_timed_as_a_failure_and_counted_as_a_lock_timeout() {
        measured().run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(newClient(store, tenant), DAY)));

            try (Connection owner = database.owner().connect()) {
                owner.setAutoCommit(false);
                try (PreparedStatement lock = owner.prepareStatement("select id from invoice_series"
                        + " where user_id = ? and document_kind = 'invoice' and is_default for update")) {
                    lock.setObject(1, tenant.value());
                    lock.executeQuery().close();
                }
                assertThatThrownBy(() -> store.inTenant(tenant, tx -> {
                    tx.dsl().execute("set local lock_timeout = '300ms'");
                    return tx.invoices().issue(draft.id(), draft.version());
                })).isInstanceOfSatisfying(ConcurrencyConflictException.class,
                        conflict -> assertThat(conflict.reason()).isEqualTo(ConcurrencyConflictException.Reason.LOCK_TIMEOUT));
                owner.rollback();
            }

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer failed = registry.get(NumberAllocationTimer.METRIC).tag("document", "invoice").tag("outcome", "failure")
                    .timer();
            assertThat(failed.count()).isEqualTo(1);
            assertThat(failed.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
            assertThat(issuing(registry, "invoice").count()).isZero();
            assertThat(registry.get(StoreMetrics.CONFLICTS).tag("reason", "lock_timeout").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void a_stale_version_is_counted_as_a_concurrency_conflict() {
        measured().run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            Client read = store.inTenant(tenant, tx -> tx.clients().find(newClient(store, tenant))).orElseThrow();
            store.inTenant(tenant, tx -> tx.clients().update(renamed(read, "Acme One")));

            assertThatThrownBy(() -> store.inTenant(tenant, tx -> tx.clients().update(renamed(read, "Acme Two"))))
                    .isInstanceOf(ConcurrencyConflictException.class);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(StoreMetrics.CONFLICTS).tag("reason", "stale_version").counter().count()).isEqualTo(1);
            assertThat(registry.get(StoreMetrics.CONFLICTS).tag("reason", "deadlock").counter().count()).isZero();
        });
    }

    /** Through Boot's jOOQ context, whose listener turns jOOQ's exceptions into Spring's, the failure stays typed. */
    @Test
    void a_row_refused_by_row_level_security_is_counted_as_a_denial() {
        measured().run(context -> {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            TenantId tenant = newTenant(store);
            TenantId another = TenantId.generate(Clock.systemUTC());

            assertThatThrownBy(() -> store.inTenantRun(tenant, tx -> tx.dsl().execute(
                    "insert into users (id, name, email) values (?, 'Intruder', 'x@intruder.example')", another.value())))
                    .isInstanceOf(TenantAccessDeniedException.class);

            assertThat(context.getBean(MeterRegistry.class).get(StoreMetrics.DENIALS).counter().count()).isEqualTo(1);
        });
    }

    @Test
    void without_a_meter_registry_the_store_works_unmeasured() {
        service.run(context -> assertThat(context).hasSingleBean(InvoiceStore.class)
                .doesNotHaveBean(StoreMetrics.class).doesNotHaveBean(MeterRegistry.class));
    }

    @Test
    void without_micrometer_on_the_class_path_the_store_works_unmeasured() {
        service.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(InvoiceStore.class)
                        .doesNotHaveBean(StoreMetrics.class));
    }

    private static Timer issuing(MeterRegistry registry, String document) {
        return registry.get(NumberAllocationTimer.METRIC).tag("document", document).tag("outcome", "success").timer();
    }

    private static Client renamed(Client client, String name) {
        return new Client(client.id(), name, client.email(), client.paymentTerms(), client.address(), client.taxId(),
                client.version());
    }
}
