package com.example.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole Boot service, started as it would be in production (application.yaml, every
 * auto-configuration on the class path) against the test database: its DataSource logs in as the
 * application login, the migrations as the owner. The order and its invoice share one transaction.
 */
@SpringBootTest(classes = BillingApplication.class)
@ExtendWith(TestDatabaseExtension.class)
@DirtiesContext // the database is dropped after the class: close the service's pool first
class BillingServiceTest {

    private static final Clock CLOCK = Clock.systemUTC();

    private static MigratedDatabase database;

    @Autowired
    private OrderBilling billing;
    @Autowired
    private InvoiceStore store;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private HealthContributorRegistry health;

    private TenantId tenant;
    private ClientId client;

    @BeforeAll
    static void theServicesOwnTable(MigratedDatabase migrated) throws SQLException {
        database = migrated;
        try (Connection owner = migrated.owner().connect(); Statement statement = owner.createStatement()) {
            statement.execute("create table orders (reference text primary key)");
            statement.execute("grant select, insert on orders to " + migrated.applicationRole());
        }
    }

    /** What application.yaml reads from the environment, as a deployment would give it. */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry environment) {
        environment.add("BILLING_DB_URL", () -> database.application().jdbcUrl());
        environment.add("BILLING_DB_USER", () -> database.application().user());
        environment.add("BILLING_DB_PASSWORD", () -> database.application().password());
        environment.add("BILLING_OWNER_USER", () -> database.owner().user());
        environment.add("BILLING_OWNER_PASSWORD", () -> database.owner().password());
        // A deployment gives the tenant key as INVOICEKIT_TENANT_KEY_FILE, read from the process's
        // environment, which a test cannot set: here, the property that takes precedence over it.
        environment.add("invoicekit.tenant-signing.key", database::tenantKey);
    }

    @BeforeEach
    void a_tenant_with_a_client() {
        tenant = TenantId.generate(CLOCK);
        store.registerTenant(tenant, "Books Ltd", "owner@books.example");
        client = store.inTenant(tenant, tx -> tx.clients().create(Client.create(ClientId.generate(CLOCK), "Acme",
                "billing@acme.example", PaymentTerms.ofDays(30), null, null))).id();
    }

    @Test
    void the_service_runs_as_the_application_login() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(database.application().user());
    }

    @Test
    void an_order_and_its_invoice_commit_together() {
        Invoice invoice = billing.placeAndBill(tenant, "order-1", draft(client));

        assertThat(invoice.number()).isEqualTo(InvoiceNumber.of("INV-000001"));
        assertThat(ordersNamed("order-1")).isOne();
        assertThat(invoiceIds()).containsExactly(invoice.id().value().toString());
    }

    @Test
    void a_rollback_takes_back_the_order_the_invoice_and_its_number() {
        transactions.executeWithoutResult(status -> {
            billing.placeAndBill(tenant, "order-2", draft(client));
            status.setRollbackOnly();
        });

        assertThat(ordersNamed("order-2")).isZero();
        assertThat(invoiceIds()).isEmpty();
        assertThat(billing.placeAndBill(tenant, "order-3", draft(client)).number())
                .isEqualTo(InvoiceNumber.of("INV-000001"));
    }

    @Test
    void an_invoice_for_a_client_the_tenant_does_not_have_takes_the_order_back_with_it() {
        ClientId unknown = ClientId.generate(CLOCK);

        assertThatThrownBy(() -> billing.placeAndBill(tenant, "order-4", draft(unknown)))
                .isInstanceOf(NotFoundException.class);

        assertThat(ordersNamed("order-4")).isZero();
        assertThat(invoiceIds()).isEmpty();
    }

    @Test
    void actuator_lists_the_health_indicator_as_invoicekit() {
        assertThat(health.getContributor("invoicekit")).isInstanceOf(HealthIndicator.class);
    }

    private static InvoiceDraft draft(ClientId client) {
        return InvoiceDraft.builder(Currency.getInstance("EUR")).client(client).issuedOn(LocalDate.now(CLOCK))
                .taxRate(new BigDecimal("20")).line("Consulting", new BigDecimal("2"), new BigDecimal("50.00")).build();
    }

    private int ordersNamed(String reference) {
        return jdbc.queryForObject("select count(*) from orders where reference = ?", Integer.class, reference);
    }

    private List<String> invoiceIds() {
        return store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), 10).items().stream()
                .map(invoice -> invoice.id().value().toString()).toList());
    }
}
