package io.invoicekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start-up the schema is migrated as its owner, on connections of the owner's that are closed
 * afterwards, before any bean of the service uses the database; the application stays its own login.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class StartupMigrationTest {

    private final ConnectionSettings empty;
    private final ConnectionSettings application;
    private final ApplicationContextRunner service;

    StartupMigrationTest(ScratchDatabases databases) {
        this.empty = databases.empty();
        MigratedDatabase migrated = databases.migrated();
        ConnectionSettings login = migrated.application();
        this.application = empty.as(login.user(), login.password());
        // Another database's key: a well-formed one is all a start-up needs, and these tests make no store call.
        this.service = ServiceContexts.service(application, empty, migrated.tenantKey());
    }

    @Test
    void an_empty_database_is_migrated_as_the_owner_while_the_application_connects_as_its_login() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate owner = new JdbcTemplate(empty.dataSource());
            List<String> installedBy = owner.queryForList(
                    "select distinct installed_by from flyway_schema_history where success", String.class);
            assertThat(installedBy).containsExactly(empty.user());
            assertThat(owner.queryForObject("select count(*) from flyway_schema_history where not success",
                    Integer.class)).isZero();
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select current_user",
                    String.class)).isEqualTo(application.user());
            assertThat(context).getBeans(DataSource.class).hasSize(1);
            assertThat(owner.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and usename = ? and pid <> pg_backend_pid()", Integer.class, empty.user())).isZero();
        });
    }

    @Test
    void a_bean_that_reads_the_schema_as_it_starts_finds_it_migrated() {
        service.withBean(InvoiceCount.class).run(context ->
                assertThat(context).hasNotFailed().getBean(InvoiceCount.class).extracting(InvoiceCount::atStart)
                        .isEqualTo(0));
    }

    @Test
    void with_migration_disabled_the_database_is_left_alone() {
        service.withPropertyValues("invoicekit.migration.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(empty.dataSource()).queryForObject(
                    "select to_regclass('flyway_schema_history') is null", Boolean.class)).isTrue();
        });
    }

    @Test
    void without_the_owners_login_the_start_up_fails_naming_the_setting() {
        service.withPropertyValues("invoicekit.migration.username=").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("invoicekit.migration.username is not set"));
    }

    /** A service's bean that counts invoices as it is created, with the JdbcTemplate Boot gives it. */
    static final class InvoiceCount {

        private final int atStart;

        InvoiceCount(JdbcTemplate jdbc) {
            this.atStart = jdbc.queryForObject("select count(*) from invoices", Integer.class);
        }

        int atStart() {
            return atStart;
        }
    }
}
