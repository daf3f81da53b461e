package io.invoicekit.spring.boot;

import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * Spring Boot contexts as a service's: Boot's DataSource, transaction manager, JdbcTemplate
 * and jOOQ auto-configuration with the starter's, the application DataSource logging in as {@code
 * application}, the migrations as {@code owner}, the store signing with the database's tenant key.
 * Plus the few rows the tests need.
 */
final class ServiceContexts {

    static final Currency EUR = Currency.getInstance("EUR");

    private ServiceContexts() {
    }

    /** A service on {@code database}, signing with its tenant key. */
    static ApplicationContextRunner service(MigratedDatabase database) {
        return service(database.application(), database.owner(), database.tenantKey());
    }

    static ApplicationContextRunner service(ConnectionSettings application, ConnectionSettings owner,
                                            String tenantKey) {
        return withoutTenantKey(application, owner).withPropertyValues("invoicekit.tenant-signing.key=" + tenantKey);
    }

    /** A service given no tenant key in its properties, to be given one otherwise or none. */
    static ApplicationContextRunner withoutTenantKey(ConnectionSettings application, ConnectionSettings owner) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class,
                        JooqAutoConfiguration.class, InvoiceKitAutoConfiguration.class,
                        InvoiceKitHealthAutoConfiguration.class, InvoiceKitMetricsAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + application.jdbcUrl(),
                        "spring.datasource.username=" + application.user(),
                        "spring.datasource.password=" + application.password(),
                        "invoicekit.migration.username=" + owner.user(),
                        "invoicekit.migration.password=" + owner.password());
    }

    static TenantId newTenant(InvoiceStore store) {
        TenantId tenant = TenantId.generate(Clock.systemUTC());
        store.registerTenant(tenant, "Tenant " + tenant.value(), "owner@tenant.example");
        return tenant;
    }

    static ClientId newClient(InvoiceStore store, TenantId tenant) {
        return store.inTenant(tenant, tx -> tx.clients().create(Client.create(ClientId.generate(Clock.systemUTC()),
                "Acme", "billing@acme.example", PaymentTerms.ofDays(30), null, null))).id();
    }

    static InvoiceDraft draft(ClientId client, LocalDate issuedOn) {
        return InvoiceDraft.builder(EUR).client(client).issuedOn(issuedOn).taxRate(new BigDecimal("20"))
                .line("Consulting", new BigDecimal("2"), new BigDecimal("50.00")).build();
    }
}
