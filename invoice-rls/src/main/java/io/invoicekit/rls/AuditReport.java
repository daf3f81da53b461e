package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link RlsAudit} found for one application role and schema: no findings means every rule of
 * {@link Finding.Kind} holds. A clean report covers the catalog at the moment it was read, not the
 * data, and not what a session does with {@code set_config}.
 *
 * @param applicationRole the role the application connects as (through login members of it)
 * @param schema          the schema whose tenant-owned tables were audited
 * @param findings        each broken rule, per object, in the order of {@link Finding.Kind}
 */
public record AuditReport(String applicationRole, String schema, List<Finding> findings) {

    public AuditReport {
        requireNonNull(applicationRole, "applicationRole is null");
        requireNonNull(schema, "schema is null");
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
    }

    /** True when no rule is broken. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /** One line per finding, under a heading, for logs and the console. */
    @Override
    public String toString() {
        String heading = "RLS audit of schema " + schema + " for role " + applicationRole + ": ";
        if (isClean()) {
            return heading + "no findings";
        }
        return findings.stream()
                .map(finding -> "  " + finding + "\n    rule: " + finding.kind().rule())
                .collect(Collectors.joining("\n", heading + findings.size() + " findings\n", ""));
    }
}
