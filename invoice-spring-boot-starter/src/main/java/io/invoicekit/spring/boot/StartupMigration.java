package io.invoicekit.spring.boot;

import io.invoicekit.migration.InvoiceMigrations;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the schema as its owner when the context starts: the bean Spring Boot makes its
 * DataSource users (jOOQ's DSLContext, JdbcTemplate, ...) wait for ({@link StartupMigrationDetector}),
 * as it does for its own Flyway. A failed migration fails the start-up.
 */
final class StartupMigration implements InitializingBean {

    private static final Log log = LogFactory.getLog(StartupMigration.class);

    private final Login owner;
    private final InvoiceKitProperties.Migration settings;

    StartupMigration(Login owner, InvoiceKitProperties.Migration settings) {
        this.owner = owner;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        InvoiceMigrations.Builder migrations = InvoiceMigrations.forDataSource(owner.dataSource())
                .applicationRole(settings.applicationRole());
        if (settings.lockTimeout() != null) {
            migrations.lockTimeout(settings.lockTimeout());
        }
        if (settings.statementTimeout() != null) {
            migrations.statementTimeout(settings.statementTimeout());
        }
        List<String> applied = migrations.build().migrate();
        log.info(applied.isEmpty() ? "invoicekit schema up to date, migrated as " + owner
                : "invoicekit schema migrated as " + owner + ": applied " + String.join(", ", applied));
    }
}
