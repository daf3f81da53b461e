package io.invoicekit.cli;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one code path of {@code invoicekit migrate}, which the embedded database is migrated through
 * too: {@link InvoiceMigrations} with the command's settings; a setting not given keeps the
 * builder's default.
 *
 * @param applicationRole  the role granted to (--app-role)
 * @param lockTimeout      --lock-timeout, or null
 * @param statementTimeout --statement-timeout, or null
 * @param target           --target, or null for the latest
 */
record Migration(String applicationRole, Duration lockTimeout, Duration statementTimeout, String target) {

    /** The builder's defaults, for the application role given. */
    static Migration defaults(String applicationRole) {
        return new Migration(applicationRole, null, null, null);
    }

    InvoiceMigrations on(DataSource owner) {
        InvoiceMigrations.Builder builder = InvoiceMigrations.forDataSource(owner).applicationRole(applicationRole);
        if (lockTimeout != null) {
            builder.lockTimeout(lockTimeout);
        }
        if (statementTimeout != null) {
            builder.statementTimeout(statementTimeout);
        }
        if (target != null) {
            builder.target(target);
        }
        return builder.build();
    }

    /** Migrates; returns the versions applied. */
    List<String> migrate(DataSource owner, String as, Console console) {
        console.progress("migrating as " + as + " (application role " + applicationRole
                + (target == null ? "" : ", up to version " + target) + ") ...");
        long started = System.nanoTime();
        List<String> applied = on(owner).migrate();
        console.progress(applied.isEmpty() ? "nothing to migrate"
                : "applied " + String.join(", ", applied) + " in " + Durations.seconds(System.nanoTime() - started));
        return applied;
    }

    /** The latest applied version, or null when none is. */
    static String latestApplied(List<MigrationState> states) {
        return states.stream().filter(MigrationState::applied).filter(state -> state.version() != null)
                .map(MigrationState::version).reduce((first, second) -> second).orElse(null);
    }
}
