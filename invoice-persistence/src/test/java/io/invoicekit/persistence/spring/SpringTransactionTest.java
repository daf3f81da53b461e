package io.invoicekit.persistence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.TenantSwitchException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.PooledDataSources;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A service's {@code @Transactional} method, run by real Spring on a real pool of the application
 * login, writes its own table and an invoice: the store joins the service's transaction, so both
 * commit or roll back together, and the tenant ends with it.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringTransactionTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Clock CLOCK = Clock.systemUTC();

    private final MigratedDatabase database;
    private final AnnotationConfigApplicationContext spring;
    private final OrderService orders;
    private final JdbcTemplate jdbc;
    private final InvoiceStore store;
    private TenantId tenant;
    private ClientId client;

    SpringTransactionTest(MigratedDatabase database) throws SQLException {
        this.database = database;
        createTheServicesOwnTable(database);
        this.spring = new AnnotationConfigApplicationContext();
        spring.registerBean(ConnectionSettings.class, database::application);
        spring.registerBean(TenantSigning.class, () -> TenantSigning.signed(TenantKey.parse(database.tenantKey())));
        spring.register(ServiceConfiguration.class);
        spring.refresh();
        this.orders = spring.getBean(OrderService.class);
        this.jdbc = spring.getBean(JdbcTemplate.class);
        this.store = spring.getBean(InvoiceStore.class);
    }

    @BeforeEach
    void a_tenant_with_a_client() {
        tenant = TenantId.generate(CLOCK);
        store.registerTenant(tenant, "Books Ltd", "owner@books.example");
        client = store.inTenant(tenant, tx -> tx.clients().create(Client.create(ClientId.generate(CLOCK), "Acme",
                "billing@acme.example", PaymentTerms.ofDays(30), null, null))).id();
    }

    @AfterAll
    void stop() {
        spring.close();
    }

    @Test
    void the_services_row_and_the_invoice_commit_together() {
        Invoice invoice = orders.placeAndBill("order-1", tenant, draft(client), false);

        assertThat(ordersNamed("order-1")).isEqualTo(1);
        assertThat(invoicesOf(tenant)).containsExactly(invoice.id().value().toString());
    }

    @Test
    void a_rollback_of_the_services_transaction_undoes_the_invoice_too() {
        assertThatThrownBy(() -> orders.placeAndBill("order-2", tenant, draft(client), true))
                .isInstanceOf(OrderRejected.class);

        assertThat(ordersNamed("order-2")).isZero();
        assertThat(invoicesOf(tenant)).isEmpty();
    }

    @Test
    void the_tenant_is_set_inside_the_services_transaction_and_ends_with_it() {
        String during = orders.tenantSeenAfterBilling("order-3", tenant, draft(client));

        assertThat(during).isEqualTo(tenant.value().toString());
        // The pool holds one connection: the next borrower is on the very connection the service used.
        assertThat(jdbc.queryForObject("select public.current_tenant_id()::text", String.class)).isNull();
    }

    @Test
    void a_second_tenant_inside_the_services_transaction_is_refused_and_nothing_is_stored() {
        TenantId second = TenantId.generate(CLOCK);
        store.registerTenant(second, "Other Ltd", "owner@other.example");

        assertThatThrownBy(() -> orders.billTwoTenants("order-4", tenant, second, draft(client)))
                .isInstanceOf(TenantSwitchException.class);

        assertThat(ordersNamed("order-4")).isZero();
        assertThat(invoicesOf(tenant)).isEmpty();
    }

    @Test
    void failed_work_rolls_back_to_its_savepoint_and_the_service_carries_on() {
        orders.placeAndTryToBillAnUnknownClient("order-5", tenant);

        assertThat(ordersNamed("order-5")).isEqualTo(1);
        assertThat(invoicesOf(tenant)).isEmpty();
    }

    @Test
    void outside_any_transaction_of_the_service_a_call_commits_its_own() {
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();

        Invoice invoice = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(client)));

        assertThat(invoicesOf(tenant)).containsExactly(invoice.id().value().toString());
    }

    /**
     * The bug the builder fixes: a context on a connection the service has in a transaction of its
     * own. The store joins it and commits nothing; the service's rollback removes the client.
     */
    @Test
    void a_context_on_the_services_own_connection_is_never_committed_by_the_store() throws SQLException {
        try (Connection connection = database.application().connect()) {
            connection.setAutoCommit(false);
            InvoiceStore onConnection = InvoiceStore.builder().dsl(DSL.using(connection, SQLDialect.POSTGRES))
                    .tenantSigning(spring.getBean(TenantSigning.class)).build();

            ClientId created = onConnection.inTenant(tenant, tx -> tx.clients().create(Client.create(ClientId.generate(CLOCK),
                    "Rolled Back", "billing@rolled.example", PaymentTerms.ofDays(14), null, null))).id();
            connection.rollback();

            Optional<Client> afterRollback = store.inTenant(tenant, tx -> tx.clients().find(created));
            assertThat(afterRollback).isEmpty();
        }
    }

    private static InvoiceDraft draft(ClientId client) {
        return InvoiceDraft.builder(EUR).client(client).issuedOn(LocalDate.of(2026, 3, 15)).taxRate(new BigDecimal("20"))
                .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00")).build();
    }

    private int ordersNamed(String reference) {
        return jdbc.queryForObject("select count(*) from service_orders where reference = ?", Integer.class, reference);
    }

    private List<String> invoicesOf(TenantId owner) {
        return store.inTenant(owner, tx -> tx.invoices().list(InvoiceFilter.all(), 10).items().stream()
                .map(invoice -> invoice.id().value().toString()).toList());
    }

    /** A table of the service's own, beside the schema's, writable by the application role. */
    private static void createTheServicesOwnTable(MigratedDatabase database) throws SQLException {
        try (Connection owner = database.owner().connect(); var statement = owner.createStatement()) {
            statement.execute("create table service_orders (reference text primary key)");
            statement.execute("grant select, insert on service_orders to " + database.applicationRole());
        }
    }

    /** What a Spring service's configuration holds: the pool, Spring's transaction manager, the store. */
    @Configuration
    @EnableTransactionManagement
    static class ServiceConfiguration {

        @Bean(destroyMethod = "close")
        HikariDataSource pool(ConnectionSettings application) {
            return PooledDataSources.hikari(application.jdbcUrl(), application.user(), application.password(),
                    config -> config.setMaximumPoolSize(1));
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource pool) {
            return new DataSourceTransactionManager(pool);
        }

        @Bean
        JdbcTemplate jdbc(DataSource pool) {
            return new JdbcTemplate(pool);
        }

        /** The store on a jOOQ context whose connections are the ones Spring's transactions hold. */
        @Bean
        InvoiceStore store(DataSource pool, TenantSigning signing) {
            return InvoiceStore.builder().tenantSigning(signing)
                    .dsl(DSL.using(new TransactionAwareDataSourceProxy(pool), SQLDialect.POSTGRES))
                    .openTransactions(TransactionSynchronizationManager::isActualTransactionActive)
                    .build();
        }

        @Bean
        OrderService orderService(JdbcTemplate jdbc, InvoiceStore store) {
            return new OrderService(jdbc, store);
        }
    }

    /** The service's business exception, which rolls its transaction back. */
    static final class OrderRejected extends RuntimeException {
        OrderRejected() {
            super("order rejected after billing");
        }
    }

    /** A service that records an order in its own table and bills it, in one transaction. */
    static class OrderService {

        private final JdbcTemplate jdbc;
        private final InvoiceStore store;

        OrderService(JdbcTemplate jdbc, InvoiceStore store) {
            this.jdbc = jdbc;
            this.store = store;
        }

        @Transactional
        public Invoice placeAndBill(String reference, TenantId tenant, InvoiceDraft draft, boolean rejectAfterwards) {
            jdbc.update("insert into service_orders (reference) values (?)", reference);
            Invoice invoice = store.inTenant(tenant, tx -> tx.invoices().createDraft(draft));
            if (rejectAfterwards) {
                throw new OrderRejected();
            }
            return invoice;
        }

        @Transactional
        public String tenantSeenAfterBilling(String reference, TenantId tenant, InvoiceDraft draft) {
            placeAndBill(reference, tenant, draft, false);
            return jdbc.queryForObject("select public.current_tenant_id()::text", String.class);
        }

        @Transactional
        public void billTwoTenants(String reference, TenantId first, TenantId second, InvoiceDraft draft) {
            placeAndBill(reference, first, draft, false);
            store.inTenant(second, tx -> tx.clients().list(10));
        }

        @Transactional
        public void placeAndTryToBillAnUnknownClient(String reference, TenantId tenant) {
            jdbc.update("insert into service_orders (reference) values (?)", reference);
            try {
                store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(ClientId.generate(CLOCK))));
            } catch (RuntimeException expected) {
                // The service decides to keep the order and bill it later.
            }
        }
    }
}
