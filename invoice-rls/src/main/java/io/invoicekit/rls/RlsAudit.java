package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Checks a live database's catalog for what would weaken row-level security: tenant-owned tables
 * without RLS enabled and forced, commands without a tenant policy, policies that are not the
 * tenant predicate, an application role that owns, bypasses, truncates or creates, privileges
 * granted to PUBLIC, SECURITY DEFINER functions without a pinned search_path, views that read
 * tenant tables with their owner's rights, and default tenants.
 *
 * <p>Contract: reads the catalog in one read-only transaction and changes nothing; any role may
 * run it. Hazard: a clean report says the set-up is sound, not that the application sets the
 * right tenant; and tenant-owned tables are found by name ({@code users}, and every table with a
 * {@code user_id} column), so a tenant table keyed otherwise goes unchecked.
 */
public final class RlsAudit {

    private final DSLContext dsl;

    private RlsAudit(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An audit of the database {@code dataSource} connects to. */
    public static RlsAudit of(DataSource dataSource) {
        return new RlsAudit(DSL.using(requireNonNull(dataSource, "dataSource is null"), SQLDialect.POSTGRES));
    }

    /**
     * Audits the tenant-owned tables of {@code schema} for {@code applicationRole}, the role the
     * application's logins are members of (for example {@code invoice_app}).
     *
     * @throws IllegalArgumentException if the role or the schema does not exist, or the schema has
     *                                  no tenant-owned table: the audit would check nothing
     */
    public AuditReport audit(String applicationRole, String schema) {
        AuditScope scope = new AuditScope(requireNonNull(applicationRole, "applicationRole is null"),
                requireNonNull(schema, "schema is null"));
        List<Finding> findings = dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.execute("SET TRANSACTION READ ONLY");
            // Policies print their functions unqualified only when the schema is on the search_path.
            transaction.fetch("SELECT set_config('search_path', quote_ident(?), true)", schema);
            scope.requireAuditable(transaction);
            return Stream.concat(Arrays.stream(CatalogCheck.values()).flatMap(check -> check.run(transaction, scope).stream()),
                    unsignedTenants(transaction, scope).stream()).toList();
        });
        return new AuditReport(applicationRole, schema, findings);
    }

    /**
     * Compatibility mode, where the schema has a signed tenant context (V15's tenant_context_mode)
     * and takes the bare app.user_id from the application role all the same. Not a catalog query:
     * the table may not exist, and a query naming it would then fail.
     */
    private static List<Finding> unsignedTenants(DSLContext transaction, AuditScope scope) {
        String mode = transaction.fetchSingle("SELECT to_regclass(quote_ident(?) || '.tenant_context_mode')::text",
                scope.schema()).get(0, String.class);
        if (mode == null) {
            return List.of();
        }
        return transaction.fetch("SELECT changed_at::text FROM " + mode + " WHERE unsigned_allowed")
                .map(row -> new Finding(Finding.Kind.UNSIGNED_TENANTS_ALLOWED, "tenant_context_mode",
                        "compatibility mode since " + row.get(0, String.class) + ": members of " + scope.applicationRole()
                                + " may set app.user_id unsigned, and so make themselves any tenant; once every"
                                + " instance signs its tenants, CALL require_signed_tenants()"));
    }
}
