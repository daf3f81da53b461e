package io.invoicekit.spring.boot;

import io.invoicekit.persistence.InvoiceStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the store, when the service has a {@link MeterRegistry} (Actuator's, or one
 * of its own): {@value NumberAllocationTimer#METRIC}, {@value StoreMetrics#CONFLICTS} and {@value
 * StoreMetrics#DENIALS}. The issuing timer is a jOOQ listener that Spring Boot adds to its DSLContext,
 * the store's; a service that defines a DSLContext of its own adds the {@code invoiceKitNumberAllocation}
 * listener provider to it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, InvoiceStore.class})
@ConditionalOnBean(MeterRegistry.class)
public final class InvoiceKitMetricsAutoConfiguration {

    @Bean
    StoreMetrics invoiceKitStoreMetrics(MeterRegistry registry) {
        return new StoreMetrics(registry);
    }

    @Bean
    ExecuteListenerProvider invoiceKitNumberAllocation(MeterRegistry registry) {
        return new DefaultExecuteListenerProvider(new NumberAllocationTimer(registry));
    }
}
