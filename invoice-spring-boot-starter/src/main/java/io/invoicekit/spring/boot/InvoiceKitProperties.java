package io.invoicekit.spring.boot;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.rls.TenantKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code invoicekit.*} settings. The application's own connections are Spring Boot's ({@code
 * spring.datasource.*}, a login that is a member of the application role); these name the other
 * logins the library needs: the schema owner, who migrates, and a role that may read every tenant's
 * rows, for the health report.
 *
 * @param migration     the migrations run at start-up, as the schema owner
 * @param health        the health report behind the {@code invoicekit} health indicator
 * @param tenantSigning how the store tells the database its tenant: tokens signed with the service's key
 */
@ConfigurationProperties("invoicekit")
public record InvoiceKitProperties(@DefaultValue Migration migration, @DefaultValue Health health,
                                   @DefaultValue TenantSigning tenantSigning) {

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

    // key's @param comes before keyFile's: Boot's configuration processor takes the text after the
    // first "@param key" as key's description, and "@param keyFile" would match too.
    /**
     * The key the store signs its tenant tokens with ({@link io.invoicekit.rls.TenantSigning}): from
     * {@code key-file} or {@code key}, else from the environment as for a plain service ({@value
     * TenantKey#FILE_ENVIRONMENT} or {@value TenantKey#ENVIRONMENT}); {@code unsigned=true} only for a
     * database in compatibility mode.
     *
     * @param key      The tenant key itself: its id, a colon and its secret in hex, as a key file holds it.
     *                 Never together with key-file, which keeps it out of the configuration.
     * @param keyFile  File holding the tenant key, as 'invoicekit tenant-keys create' writes it (a secret
     *                 mounted as a file). Unset, with no key either: the file INVOICEKIT_TENANT_KEY_FILE names,
     *                 else the key in INVOICEKIT_TENANT_KEY.
     * @param lifetime How long each tenant token is good for: the longest a tenant's transaction may run,
     *                 1 second to 1 day.
     * @param unsigned Whether to send the bare tenant id instead of a signed token, for a database still in
     *                 compatibility mode only; a database that requires tokens then refuses every store call.
     *                 Never together with a key.
     */
    public record TenantSigning(Path keyFile, String key, @DefaultValue("5m") Duration lifetime, boolean unsigned) {

        private static final String NO_KEY = "no tenant key: set invoicekit.tenant-signing.key-file to a file holding "
                + "the key that 'invoicekit tenant-keys create' wrote, or invoicekit.tenant-signing.key to the key "
                + "itself (or, in the environment, " + TenantKey.FILE_ENVIRONMENT + " or " + TenantKey.ENVIRONMENT
                + "); or invoicekit.tenant-signing.unsigned=true for a database in compatibility mode";

        /**
         * How the store signs, from these settings or else from {@code environment}.
         *
         * @throws IllegalStateException when both a key file and a key are set, unsigned is set with a
         *                               key, or there is no key at all
         * @throws IllegalArgumentException when the key or the key file holds none (no message shows it)
         * @throws java.io.UncheckedIOException when the key file cannot be read
         */
        io.invoicekit.rls.TenantSigning signing(Map<String, String> environment) {
            boolean hasKey = key != null && !key.isBlank();
            if (keyFile != null && hasKey) {
                throw new IllegalStateException("both invoicekit.tenant-signing.key-file and "
                        + "invoicekit.tenant-signing.key are set: set one");
            }
            if (unsigned) {
                if (keyFile != null || hasKey) {
                    throw new IllegalStateException("invoicekit.tenant-signing.unsigned=true and a key (invoicekit."
                            + "tenant-signing.key-file or invoicekit.tenant-signing.key) are both set: set one");
                }
                return io.invoicekit.rls.TenantSigning.unsigned();
            }
            TenantKey signingKey = keyFile != null ? TenantKey.fromFile(keyFile)
                    : hasKey ? parsed(key)
                    : TenantKey.fromEnvironment(environment).orElseThrow(() -> new IllegalStateException(NO_KEY));
            return new io.invoicekit.rls.TenantSigning.Signed(signingKey, lifetime);
        }

        private static TenantKey parsed(String key) {
            try {
                return TenantKey.parse(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invoicekit.tenant-signing.key holds no key: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "TenantSigning[keyFile=" + keyFile + ", lifetime=" + lifetime + ", unsigned=" + unsigned
                    + "]"; // never the key
        }
    }

    private static String firstUrl(String setting, String... candidates) {
        return Arrays.stream(candidates).filter(url -> url != null && !url.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(setting + " is not set and there is no application "
                        + "DataSource URL (spring.datasource.url) to take instead"));
    }
}
