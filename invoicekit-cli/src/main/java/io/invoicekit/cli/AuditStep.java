package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicekit.rls.AuditReport;
import io.invoicekit.rls.Finding;
import io.invoicekit.rls.RlsAudit;

/** The row-level security audit of the catalog (invoice-rls's {@link RlsAudit}). */
final class AuditStep implements Step {

    static final String SCHEMA = "public";

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String[] description() {
        return new String[] {
                "Audits the catalog for what weakens tenant isolation: tables without row-level security enabled and "
                        + "forced, commands without a tenant policy, policies that are not the tenant predicate, an "
                        + "application role that owns, bypasses RLS, has excess privileges or TEMP, grants to PUBLIC, "
                        + "functions without a pinned search_path, views that are not security_invoker, default tenants.",
                "",
                "Role: any role may run it (it reads the catalog in a read-only transaction).",
                "Exit status: 0 no finding, 1 a finding, 2 could not run."};
    }

    @Override
    public StepResult run(Target target, Console console) {
        console.progress("auditing row-level security of schema " + SCHEMA + " for " + target.applicationRole() + " ...");
        AuditReport report;
        try {
            report = RlsAudit.of(target.dataSource()).audit(target.applicationRole(), SCHEMA);
        } catch (IllegalArgumentException nothingToAudit) {
            throw new CannotRun("the audit has nothing to check: " + nothingToAudit.getMessage(), nothingToAudit);
        }
        ObjectNode json = Json.object().put("applicationRole", report.applicationRole()).put("schema", report.schema());
        ArrayNode findings = json.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject().put("kind", finding.kind().name()).put("object", finding.object())
                    .put("detail", finding.detail()).put("rule", finding.kind().rule());
        }
        String counts = report.findings().size() + " findings (" + Finding.Kind.values().length + " rules) for "
                + report.applicationRole() + " in schema " + report.schema();
        return new StepResult(report.isClean() ? Verdict.PASS : Verdict.FAIL, counts, report + "\n", json);
    }
}
