package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicekit.persistence.health.Check;
import io.invoicekit.persistence.health.DatabaseHealth;
import io.invoicekit.persistence.health.HealthReport;
import io.invoicekit.persistence.health.Status;
import java.util.Map;
import java.util.TreeMap;

/** The post-migration verification and daily monitoring report (invoice-persistence's {@link DatabaseHealth}). */
final class HealthStep implements Step {

    @Override
    public String name() {
        return "health";
    }

    @Override
    public String[] description() {
        return new String[] {
                "The health report: migrations applied, pending or failed; INVALID indexes; NOT VALID constraints; "
                        + "the RLS audit; duplicate invoice numbers within a tenant; unused and duplicate indexes; "
                        + "sizes; cache hit ratio; connections; the slowest statements (pg_stat_statements).",
                "",
                "Role: the schema owner or a monitoring role that can read the migration history. The cross-tenant "
                        + "checks (duplicate invoice numbers within a tenant) need a role with BYPASSRLS (or a "
                        + "superuser), because the tables FORCE row-level security even for their owner; as a plain "
                        + "owner they report NOT_AVAILABLE, naming the role they need, which does not fail the report.",
                "Exit status: 0 nothing failed (warnings and NOT_AVAILABLE included), 1 a check failed, 2 could not run."};
    }

    @Override
    public StepResult run(Target target, Console console) {
        console.progress("taking the health report as " + target.login().user() + " ...");
        HealthReport report = DatabaseHealth.of(target.dataSource(), target.applicationRole()).report();
        Verdict verdict = switch (report.overall()) {
            case FAIL -> Verdict.FAIL;
            case WARN -> Verdict.WARN;
            case OK, NOT_AVAILABLE -> Verdict.PASS;
        };
        Map<Status, Integer> byStatus = new TreeMap<>();
        report.checks().forEach(check -> byStatus.merge(check.status(), 1, Integer::sum));
        String counts = report.checks().size() + " checks: " + byStatus.getOrDefault(Status.OK, 0) + " OK, "
                + byStatus.getOrDefault(Status.WARN, 0) + " WARN, " + byStatus.getOrDefault(Status.FAIL, 0) + " FAIL, "
                + byStatus.getOrDefault(Status.NOT_AVAILABLE, 0) + " NOT_AVAILABLE";
        ObjectNode json = Json.object().put("overall", report.overall().name())
                .put("takenAt", report.takenAt().toString());
        var checks = json.putArray("checks");
        for (Check check : report.checks()) {
            checks.add(Json.MAPPER.valueToTree(check));
        }
        return new StepResult(verdict, counts, report.format(), json);
    }
}
