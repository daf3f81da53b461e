package io.invoicekit.spring.boot;

import io.invoicekit.persistence.health.Check;
import io.invoicekit.persistence.health.DatabaseHealth;
import io.invoicekit.persistence.health.HealthReport;
import io.invoicekit.persistence.health.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code invoicekit} health indicator: the library's health report ({@link DatabaseHealth}:
 * migrations, invalid indexes, not valid constraints, the row-level security audit, duplicate invoice
 * numbers, ...) as Actuator health. DOWN when a check failed; UNKNOWN when no check could look (no
 * monitoring login, or every check not available); UP otherwise, warnings included, each check in
 * the details with its status, what it found and the objects it lists.
 *
 * <p>Hazard: every health request runs the whole report (a dozen catalog and statistics queries,
 * on a connection of its own): leave it out of the liveness and readiness groups, which Spring Boot
 * does by default.
 */
final class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final Login monitoring;
    private final String applicationRole;

    DatabaseHealthIndicator(Login monitoring, String applicationRole) {
        super("the invoicekit health report could not be taken");
        this.monitoring = monitoring;
        this.applicationRole = applicationRole;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = monitoring.onOneConnection(database -> DatabaseHealth.of(database, applicationRole).report());
        if (report.overall() == Status.FAIL) {
            builder.down();
        } else if (report.checks().stream().allMatch(check -> check.status() == Status.NOT_AVAILABLE)) {
            builder.unknown();
        } else {
            builder.up();
        }
        builder.withDetail("database", report.database()).withDetail("takenAt", report.takenAt().toString());
        report.checks().forEach(check -> builder.withDetail(check.name(), describe(check)));
    }

    private static Map<String, Object> describe(Check check) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", check.status().name());
        detail.put("detail", check.detail());
        if (!check.items().isEmpty()) {
            detail.put("items", check.items());
        }
        return detail;
    }
}
