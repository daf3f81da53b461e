package io.invoicekit.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * The {@code invoicekit} health indicator, when Spring Boot's health support is on the class path
 * (spring-boot-health, which the Actuator starter brings) and {@code management.health.invoicekit.enabled}
 * is not false. It connects as {@code invoicekit.health.username}, else as the migration's owner.
 */
@AutoConfiguration(after = InvoiceKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("invoicekit")
@EnableConfigurationProperties(InvoiceKitProperties.class)
public final class InvoiceKitHealthAutoConfiguration {

    /** Named so that Actuator lists it as {@code invoicekit}. */
    @Bean
    @ConditionalOnMissingBean(name = "invoicekitHealthIndicator")
    HealthIndicator invoicekitHealthIndicator(InvoiceKitProperties properties,
                                              ObjectProvider<JdbcConnectionDetails> application) {
        return properties.health()
                .login(properties.migration(), InvoiceKitAutoConfiguration.applicationUrl(application))
                .<HealthIndicator>map(login -> new DatabaseHealthIndicator(login, properties.migration().applicationRole()))
                .orElse(() -> Health.unknown().withDetail("reason", "no login that sees every tenant: set "
                        + "invoicekit.health.username (a monitoring role with BYPASSRLS) or invoicekit.migration.username")
                        .build());
    }
}
