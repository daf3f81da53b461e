package io.invoicekit.persistence.health;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The post-migration verification and the daily monitoring of the seeds as one report: migrations
 * applied, pending or failed; INVALID indexes; NOT VALID constraints; row-level security (the
 * invoice-rls audit); duplicate invoice numbers within a tenant; unused and duplicate indexes;
 * table and index sizes; cache hit ratio; connections in use; the slowest statements
 * (pg_stat_statements, when installed).
 *
 * <p>Contract: reads only, and one check that cannot run does not stop the others (it reports
 * FAIL with the reason). Hazard: the cross-tenant check (duplicate invoice numbers) needs a role
 * that is a superuser or has BYPASSRLS; the tables force row-level security even for their owner,
 * so any other role, a plain owner included, sees no tenant's rows, and the check then reports
 * {@link Status#NOT_AVAILABLE} naming the role it needs (which {@link HealthReport#overall()} does
 * not count as a failure) instead of a clean result.
 */
public final class DatabaseHealth {

    private final DataSource dataSource;
    private final String applicationRole;
    private final HealthThresholds thresholds;
    private final Clock clock;

    private DatabaseHealth(DataSource dataSource, String applicationRole, HealthThresholds thresholds, Clock clock) {
        this.dataSource = dataSource;
        this.applicationRole = applicationRole;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * Health of the database {@code dataSource} connects to, whose tenants the migrations isolated
     * for {@code applicationRole} (e.g. {@code invoice_app}), with the default thresholds.
     */
    public static DatabaseHealth of(DataSource dataSource, String applicationRole) {
        return new DatabaseHealth(requireNonNull(dataSource, "dataSource is null"),
                requireNonNull(applicationRole, "applicationRole is null"), HealthThresholds.defaults(), Clock.systemUTC());
    }

    /** The same checks with other thresholds. */
    public DatabaseHealth withThresholds(HealthThresholds other) {
        return new DatabaseHealth(dataSource, applicationRole, requireNonNull(other, "thresholds is null"), clock);
    }

    /** Runs every check, in a fixed order. */
    public HealthReport report() {
        Inspection inspection = new Inspection(dataSource, DSL.using(dataSource, SQLDialect.POSTGRES), applicationRole,
                thresholds);
        List<Check> checks = Arrays.stream(HealthCheck.values()).map(check -> run(check, inspection)).toList();
        return new HealthReport(describeDatabase(), clock.instant(), checks);
    }

    private static Check run(HealthCheck check, Inspection inspection) {
        try {
            return check.run(inspection);
        } catch (RuntimeException e) {
            return new Check(check.name, Status.FAIL, "the check could not run: " + e.getMessage(), List.of());
        }
    }

    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            // Without the URL's parameters: a driver's data source spells out every one of its settings there.
            return connection.getMetaData().getUserName() + " at " + connection.getMetaData().getURL().replaceFirst("\\?.*", "");
        } catch (SQLException e) {
            return "an unreachable database (" + e.getMessage() + ")";
        }
    }
}
