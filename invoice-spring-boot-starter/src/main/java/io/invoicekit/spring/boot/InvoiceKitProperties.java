package io.invoicekit.spring.boot;

import io.invoicekit.migration.InvoiceMigrations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code invoicekit.*} settings. The application's own connections are Spring Boot's ({@code
 * spring.datasource.*}, a login that is a member of the application role); these name the other
 * logins the library needs: the schema owner, who migrates, and a role that may read every tenant's
 * rows, for the health report.
 *
 * @param migration the migrations run at start-up, as the schema owner
 * @param health    the health report behind the {@code invoicekit} health indicator
 */
@ConfigurationProperties("invoicekit")
public record InvoiceKitProperties(@DefaultValue Migration migration, @DefaultValue Health health) {

    /**
     * Migrations at start-up, run as the schema owner on connections of their own, closed once the
     * schema is up to date; the application's pool never sees the owner's credentials.
     *
     * @param enabled          Whether to migrate the schema at start-up, before anything else uses the database.
     * @param url              JDBC URL of the database to migrate. By default the application DataSource's.
     * @param username         Login of the role that owns the schema, not the application's login.
     * @param password         Password of the owner's login.
     * @param applicationRole  NOLOGIN role the application's login is a member of. The migrations create
     *                         it if missing and grant it least privilege; the health report audits it.
     * @param lockTimeout      How long a migration statement waits for a lock before failing. Unset:
     *                         InvoiceMigrations' default, 5 seconds.
     * @param statementTimeout How long one migration statement may run. Unset: InvoiceMigrations'
     *                         default, 1 hour.
     */
    public record Migration(@DefaultValue("true") boolean enabled, String url, String username, String password,
                            @DefaultValue(InvoiceMigrations.DEFAULT_APPLICATION_ROLE) String applicationRole,
                            Duration lockTimeout, Duration statementTimeout) {

        /**
         * The owner's login, on {@code applicationUrl} unless a URL of its own is set.
         *
         * @throws IllegalStateException when no username or no URL is set
         */
        Login owner(String applicationUrl) {
            if (username == null || username.isBlank()) {
                throw new IllegalStateException("invoicekit.migration.username is not set: the migrations run as the "
                        + "schema owner, a login other than the application's; set invoicekit.migration.username and "
                        + "invoicekit.migration.password, or invoicekit.migration.enabled=false to migrate otherwise");
            }
            return new Login(firstUrl("invoicekit.migration.url", url, applicationUrl), username, password);
        }

        @Override
        public String toString() {
            return "Migration[enabled=" + enabled + ", url=" + url + ", username=" + username + ", applicationRole="
                    + applicationRole + ", lockTimeout=" + lockTimeout + ", statementTimeout=" + statementTimeout
                    + "]"; // never the password
        }
    }

    /**
     * Who the health report connects as: a role that sees every tenant (the owner, or a monitoring
     * role with BYPASSRLS), because under row-level security the application's login sees none.
     *
     * @param url      JDBC URL of the health report's connection. By default the migration's, else the
     *                 application DataSource's.
     * @param username Login of a role that sees every tenant (BYPASSRLS) for the health report. By default
     *                 the migration's owner.
     * @param password Password of the health report's login.
     */
    public record Health(String url, String username, String password) {

        /**
         * The monitoring login: this one if a username is set, else the migration's owner; empty when
         * neither is set.
         */
        Optional<Login> login(Migration migration, String applicationUrl) {
            if (username != null && !username.isBlank()) {
                return Optional.of(new Login(firstUrl("invoicekit.health.url", url, migration.url(), applicationUrl),
                        username, password));
            }
            if (migration.username() != null && !migration.username().isBlank()) {
                return Optional.of(migration.owner(applicationUrl));
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "Health[url=" + url + ", username=" + username + "]"; // never the password
        }
    }

    private static String firstUrl(String setting, String... candidates) {
        return Arrays.stream(candidates).filter(url -> url != null && !url.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(setting + " is not set and there is no application "
                        + "DataSource URL (spring.datasource.url) to take instead"));
    }
}
