package io.invoicekit.spring.boot;

import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.StoreListener;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link InvoiceStore} on Spring Boot's jOOQ {@link DSLContext}, whose connections are the ones
 * Spring's transactions hold: a store call inside a {@code @Transactional} method joins the method's
 * transaction (its writes commit or roll back with the service's), and one outside opens its own. At
 * start-up, before anything uses the database, the schema is migrated as its owner ({@code
 * invoicekit.migration.*}; {@code invoicekit.migration.enabled=false} to migrate otherwise, a deploy
 * job for instance). The store signs its tenant tokens with the key {@code invoicekit.tenant-signing.*}
 * names, else the environment's ({@code INVOICEKIT_TENANT_KEY_FILE}); without a key the start-up
 * fails. The store backs off when the service defines its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JooqAutoConfiguration.class})
@ConditionalOnClass({InvoiceStore.class, DSLContext.class})
@EnableConfigurationProperties(InvoiceKitProperties.class)
public final class InvoiceKitAutoConfiguration {

    /**
     * The store, signing as {@code invoicekit.tenant-signing.*} says. A {@link Clock} bean, if the
     * service has one, tells it "today"; an {@link AuditActor} bean names who acts; every {@link
     * StoreListener} bean (the metrics, for one) hears of each call.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(DSLContext.class)
    InvoiceStore invoiceStore(DSLContext dsl, InvoiceKitProperties properties, ObjectProvider<Clock> clock,
                              ObjectProvider<AuditActor> actor, ObjectProvider<StoreListener> listeners) {
        InvoiceStore.Builder store = InvoiceStore.builder()
                .dsl(dsl)
                .tenantSigning(properties.tenantSigning().signing(System.getenv()))
                // Precise where autocommit is not: Hikari may hand out idle connections with autocommit
                // off (spring.datasource.hikari.auto-commit=false), which are nobody's transaction.
                .openTransactions(TransactionSynchronizationManager::isActualTransactionActive)
                .clock(clock.getIfAvailable(Clock::systemUTC));
        actor.ifAvailable(store::actor);
        List<StoreListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            store.listener(call -> all.forEach(listener -> listener.ended(call)));
        }
        return store.build();
    }

    /** Migrates at start-up unless {@code invoicekit.migration.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "invoicekit.migration.enabled", matchIfMissing = true)
    static class Migration {

        @Bean
        StartupMigration invoiceKitSchemaMigration(InvoiceKitProperties properties,
                                                  ObjectProvider<JdbcConnectionDetails> application) {
            InvoiceKitProperties.Migration settings = properties.migration();
            return new StartupMigration(settings.owner(applicationUrl(application)), settings);
        }
    }

    /** The application DataSource's URL, the default of the other logins'; null without one. */
    static String applicationUrl(ObjectProvider<JdbcConnectionDetails> application) {
        JdbcConnectionDetails details = application.getIfAvailable();
        return details == null ? null : details.getJdbcUrl();
    }
}
