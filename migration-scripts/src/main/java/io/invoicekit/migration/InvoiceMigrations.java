package io.invoicekit.migration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Migrates a PostgreSQL database to the invoicing schema, validates it, and reports its state.
 * Services embed this at start-up: {@code InvoiceMigrations.forDataSource(ds).build().migrate()}.
 *
 * <p>The data source must connect as the role that owns the schema (not the application role).
 * Flyway's clean is disabled: this facade can never drop a schema. Flyway takes its lock as a
 * session-level advisory lock, because a transaction-level lock would make
 * {@code CREATE INDEX CONCURRENTLY} wait forever for Flyway's own transaction.
 */
public final class InvoiceMigrations {

    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Flyway flyway;

    private InvoiceMigrations(Flyway flyway) {
        this.flyway = flyway;
    }

    /** Starts a configuration for the given owner data source. */
    public static Builder forDataSource(DataSource ownerDataSource) {
        return new Builder(requireNonNull(ownerDataSource, "ownerDataSource is null"));
    }

    /**
     * Applies every pending migration and returns the versions applied. Running it on an
     * up-to-date database applies nothing.
     */
    public List<String> migrate() {
        return flyway.migrate().migrations.stream().map(migration -> migration.version).toList();
    }

    /**
     * Checks the applied migrations against the scripts on the classpath: an edited, missing or
     * failed script is reported as an error.
     */
    public ValidationReport validate() {
        ValidateResult result = flyway.validateWithResult();
        List<String> errors = result.invalidMigrations.stream()
                .map(invalid -> invalid.version + " " + invalid.description + ": "
                        + invalid.errorDetails.errorMessage)
                .toList();
        return new ValidationReport(result.validationSuccessful, errors);
    }

    /** The state of every migration known to the database or the classpath, in version order. */
    public List<MigrationState> status() {
        return Arrays.stream(flyway.info().all()).map(InvoiceMigrations::toState).toList();
    }

    private static MigrationState toState(MigrationInfo info) {
        return new MigrationState(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getState().getDisplayName(),
                info.getState().isApplied(),
                info.getState().isFailed(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant());
    }

    /**
     * Settings of the migration run; validated once, then fixed.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private String applicationRole = "invoice_app";
        private Duration lockTimeout = Duration.ofSeconds(5);

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The NOLOGIN role the application's login roles are members of; it is created if
         * missing and granted least privilege. Default {@code invoice_app}.
         */
        public Builder applicationRole(String role) {
            requireNonNull(role, "applicationRole is null");
            if (!ROLE_NAME.matcher(role).matches()) {
                throw new IllegalArgumentException("applicationRole must be a lower-case SQL identifier "
                        + "(letters, digits, underscore; at most 63), was '" + role + "'");
            }
            this.applicationRole = role;
            return this;
        }

        /**
         * How long a migration statement waits for a table lock before failing, so that a
         * migration stuck behind a long transaction does not queue every query behind itself.
         * Default 5 seconds.
         */
        public Builder lockTimeout(Duration timeout) {
            requireNonNull(timeout, "lockTimeout is null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive, was " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        public InvoiceMigrations build() {
            FluentConfiguration configuration = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .placeholders(Map.of(
                            "appRole", applicationRole,
                            "lockTimeout", lockTimeout.toMillis() + "ms"));
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                    .setTransactionalLock(false);
            return new InvoiceMigrations(configuration.load());
        }
    }
}
