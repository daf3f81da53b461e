package io.invoicekit.migration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Migrates a PostgreSQL database to the invoicing schema, validates it, reports its state, and
 * recovers from a failed or unwanted migration ({@link #repair()}, {@link #undo(String)}).
 * Services embed this at start-up: {@code InvoiceMigrations.forDataSource(ds).build().migrate()}.
 *
 * <p>The data source must connect as the role that owns the schema (not the application role).
 * Flyway's clean is disabled: this facade can never drop a schema. Flyway takes its lock as a
 * session-level advisory lock, because a transaction-level lock would make
 * {@code CREATE INDEX CONCURRENTLY} wait forever for Flyway's own transaction. Every connection
 * it opens sets {@code lock_timeout} and {@code statement_timeout} (see the builder).
 */
public final class InvoiceMigrations {

    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    /** The application role a builder grants to unless told another ({@link Builder#applicationRole}). */
    public static final String DEFAULT_APPLICATION_ROLE = "invoice_app";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]*");

    /** Validation errors that repair would silently accept instead of fixing. */
    private static final Set<ErrorCode> EDITED = Set.of(
            CoreErrorCode.CHECKSUM_MISMATCH, CoreErrorCode.DESCRIPTION_MISMATCH, CoreErrorCode.TYPE_MISMATCH);

    private final Flyway flyway;
    private final DataSource dataSource;
    private final Map<String, String> placeholders;

    private InvoiceMigrations(Flyway flyway, DataSource dataSource, Map<String, String> placeholders) {
        this.flyway = flyway;
        this.dataSource = dataSource;
        this.placeholders = placeholders;
    }

    /** Starts a configuration for the given owner data source. */
    public static Builder forDataSource(DataSource ownerDataSource) {
        return new Builder(requireNonNull(ownerDataSource, "ownerDataSource is null"));
    }

    /**
     * Applies every pending migration (up to the builder's target) and returns the versions
     * applied. Running it on an up-to-date database applies nothing. A migration that runs
     * outside a transaction (V2, V3, V5, V7) and stops part way is finished by running it again
     * (those scripts are written for that): if its statement failed (an error, a lock or
     * statement timeout, a cancel), Flyway recorded it as failed and {@link #repair()} comes
     * first; if its connection was killed, nothing was recorded and migrate alone finishes it.
     */
    public List<String> migrate() {
        return flyway.migrate().migrations.stream().map(migration -> migration.version).toList();
    }

    /**
     * Checks the applied migrations against the scripts on the classpath: an edited, missing or
     * failed script is reported as an error, and so is a pending one.
     */
    public ValidationReport validate() {
        ValidateResult result = flyway.validateWithResult();
        List<String> errors = result.invalidMigrations.stream().map(InvoiceMigrations::describe).toList();
        return new ValidationReport(result.validationSuccessful, errors);
    }

    /** The state of every migration known to the database or the classpath, in version order. */
    public List<MigrationState> status() {
        return Arrays.stream(flyway.info().all()).map(InvoiceMigrations::toState).toList();
    }

    /**
     * Removes failed migrations from Flyway's history, so that the next {@link #migrate()} runs
     * them again, and returns their versions. This is the operator's step after a migration that
     * ran outside a transaction was interrupted (its connection killed, a lock or statement
     * timeout): repair, then migrate.
     *
     * <p>Hazard: Flyway's repair also overwrites the recorded checksum of an applied script that
     * was edited since, which would hide the edit from {@link #validate()} for good. So this
     * refuses, and changes nothing, while validation finds an edited script.
     *
     * @throws IllegalStateException when an applied script was edited
     */
    public List<String> repair() {
        List<String> edited = flyway.validateWithResult().invalidMigrations.stream()
                .filter(invalid -> invalid.errorDetails != null && EDITED.contains(invalid.errorDetails.errorCode))
                .map(InvoiceMigrations::describe)
                .toList();
        if (!edited.isEmpty()) {
            throw new IllegalStateException("repair refused: it would accept applied scripts that were edited "
                    + "since they ran; restore the released scripts first. " + String.join("; ", edited));
        }
        RepairResult result = flyway.repair();
        return Stream.concat(result.migrationsRemoved.stream(), result.migrationsDeleted.stream())
                .map(removed -> removed.version)
                .toList();
    }

    /**
     * Undoes the latest applied migration with its undo script ({@code db/undo},
     * {@code U<version>__<description>.sql}) and removes it from Flyway's history: the schema is
     * then the previous version's, and {@link #migrate()} would apply the version again. The
     * statements run one by one outside a transaction, under the same lock and statement timeouts
     * as a migration, and are written to be run again if one fails.
     *
     * <p>Hazard: undo drops what the migration added, with any data in it; take a backup first.
     * Only the latest applied version can be undone, and only versions with an undo script
     * (V1, the baseline, has none).
     *
     * @throws IllegalStateException    when {@code version} is not the latest applied migration
     * @throws IllegalArgumentException when there is no undo script for {@code version}
     */
    public void undo(String version) {
        requireNonNull(version, "version is null");
        MigrationInfo latest = Arrays.stream(flyway.info().applied())
                .filter(info -> info.getVersion() != null)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException(
                        "undo of version " + version + " refused: no migration is applied"));
        if (!latest.getVersion().getVersion().equals(version)) {
            throw new IllegalStateException("undo of version " + version + " refused: the latest applied "
                    + "migration is " + latest.getVersion() + ", and migrations are undone in reverse order");
        }
        UndoScript.forMigration(latest.getScript(), placeholders)
                .applyTo(dataSource, flyway.getConfiguration().getTable(), version);
    }

    private static String describe(ValidateOutput invalid) {
        return invalid.version + " " + invalid.description + ": " + invalid.errorDetails.errorMessage;
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
        private String applicationRole = DEFAULT_APPLICATION_ROLE;
        private Duration lockTimeout = Duration.ofSeconds(5);
        private Duration statementTimeout = Duration.ofHours(1);
        private String target = "latest";

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
         * How long a migration statement waits for a lock before failing, so that a migration
         * stuck behind a long transaction does not queue every query behind itself. It also bounds
         * how long {@code CREATE INDEX CONCURRENTLY} waits for older transactions to finish; when
         * it gives up, the migration fails and running it again (repair, migrate) rebuilds the
         * index. Default 5 seconds.
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = positive(timeout, "lockTimeout");
            return this;
        }

        /**
         * How long one migration statement may run before PostgreSQL cancels it: the bound on a
         * runaway migration. {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT} and
         * the due-date backfill ({@code CALL}, one statement for all its batches) scan whole
         * tables, so the default is a generous 1 hour; raise it for tables of hundreds of
         * millions of rows rather than switching it off. A cancelled index build leaves an
         * INVALID index that the next run (repair, migrate) rebuilds.
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = positive(timeout, "statementTimeout");
            return this;
        }

        /**
         * Migrate up to and including this version only (default: the latest). For deploying one
         * step at a time and for testing an upgrade from an older version.
         */
        public Builder target(String version) {
            requireNonNull(version, "target is null");
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("target must be a migration version such as 3, was '"
                        + version + "'");
            }
            this.target = version;
            return this;
        }

        public InvoiceMigrations build() {
            Map<String, String> placeholders = Map.of(
                    "appRole", applicationRole,
                    "lockTimeout", lockTimeout.toMillis() + "ms",
                    "statementTimeout", statementTimeout.toMillis() + "ms");
            FluentConfiguration configuration = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .target(target)
                    .placeholders(placeholders);
            configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
                    .setTransactionalLock(false);
            return new InvoiceMigrations(configuration.load(), dataSource, placeholders);
        }

        private static Duration positive(Duration timeout, String setting) {
            requireNonNull(timeout, setting + " is null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(setting + " must be positive, was " + timeout);
            }
            return timeout;
        }
    }
}
