package io.invoicekit.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link StartupMigration} initializes the database, so that every bean Boot
 * knows to use it (the DSLContext, a JdbcTemplate, a service's {@code @DependsOnDatabaseInitialization}
 * bean) is created after the migration, not before. Registered in {@code META-INF/spring.factories}.
 */
final class StartupMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(StartupMigration.class);
    }
}
