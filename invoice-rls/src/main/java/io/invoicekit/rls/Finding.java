package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

/**
 * One weakness of a database's row-level security set-up, found by {@link RlsAudit}.
 *
 * @param kind   the rule broken
 * @param object the table, policy, role, function, view or setting that breaks it
 * @param detail what the catalog says about it
 */
public record Finding(Kind kind, String object, String detail) {

    public Finding {
        requireNonNull(kind, "kind is null");
        requireNonNull(object, "object is null");
        requireNonNull(detail, "detail is null");
    }

    @Override
    public String toString() {
        return kind + " " + object + ": " + detail;
    }

    /** The rules the audit checks; each finding breaks one. */
    public enum Kind {
        RLS_NOT_ENABLED("every tenant-owned table has row-level security enabled"),
        RLS_NOT_FORCED("every tenant-owned table forces row-level security, so that its owner is bound too"),
        COMMAND_WITHOUT_POLICY("SELECT, INSERT, UPDATE and DELETE on a tenant-owned table each have a "
                + "permissive policy for the application role"),
        POLICY_NOT_TENANT_PREDICATE("a permissive policy on a tenant-owned table checks exactly "
                + "<tenant key> = (SELECT current_tenant_id())"),
        APP_ROLE_OWNS_OBJECT("the application role owns nothing in the schema (an owner can switch RLS off)"),
        APP_ROLE_IS_SUPERUSER("neither the application role nor a member of it is a superuser"),
        APP_ROLE_BYPASSES_RLS("neither the application role nor a member of it has BYPASSRLS"),
        APP_ROLE_EXCESS_PRIVILEGE("the application role has no TRUNCATE, REFERENCES or TRIGGER on tenant-owned tables"),
        APP_ROLE_CAN_CREATE("the application role cannot create objects in the schema (no leaky functions)"),
        APP_ROLE_CAN_CREATE_TEMP("the application role has no TEMP on the database: a temporary table or "
                + "function of its session would stand in for the schema's, there and on a pooled connection"),
        PUBLIC_TABLE_PRIVILEGE("no privilege on a tenant-owned table is granted to PUBLIC"),
        SECURITY_DEFINER_WITHOUT_SEARCH_PATH("every SECURITY DEFINER function pins its search_path"),
        FUNCTION_WITHOUT_SEARCH_PATH("every function the application role can run, and every trigger "
                + "function, pins its search_path"),
        VIEW_NOT_SECURITY_INVOKER("every view over tenant-owned tables runs with its caller's rights (security_invoker)"),
        DEFAULT_TENANT("no database or role setting gives app.user_id or app.tenant_token a default"),
        UNSIGNED_TENANTS_ALLOWED("the application role's tenant is a signed token, not a bare id it could set to "
                + "any tenant (no compatibility mode)");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        /** The rule, as a sentence that holds on a sound database. */
        public String rule() {
            return rule;
        }
    }
}
