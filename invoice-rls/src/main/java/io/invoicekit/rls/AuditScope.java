package io.invoicekit.rls;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What one audit looks at: the application role with every role that is a member of it (the
 * logins the application connects as), and the tenant-owned tables of one schema, which are the
 * tenant table {@code users} (keyed by {@code id}) and every table with a {@code user_id} column.
 * Reads only catalogs that every role may read, so any role can run the audit.
 */
record AuditScope(String applicationRole, String schema) {

    static final String TENANT_TABLE = "users";
    static final String TENANT_TABLE_KEY = "id";
    static final String TENANT_COLUMN = "user_id";
    static final String TENANT_SETTING = "app.user_id";

    /*
     * Common table expressions every check may use. Arguments: {0} schema, {1} application role,
     * {2} tenant column, {3} tenant table, {4} its key column, {5} the tenant setting.
     * app_roles: the role and its members, transitively. tenant_views: views and materialized
     * views that read a tenant table directly or through other views.
     */
    private static final String SCOPE = """
            WITH RECURSIVE
            app_roles AS (
                SELECT r.oid, r.rolname, r.rolsuper, r.rolbypassrls
                FROM pg_roles r
                WHERE r.rolname = {1}
                UNION
                SELECT r.oid, r.rolname, r.rolsuper, r.rolbypassrls
                FROM app_roles a
                JOIN pg_auth_members m ON m.roleid = a.oid
                JOIN pg_roles r ON r.oid = m.member
            ),
            app AS (
                SELECT oid, rolname, rolsuper FROM app_roles WHERE rolname = {1}
            ),
            tenant_tables AS (
                SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity, c.relacl,
                       CASE WHEN c.relname = {3} THEN {4} ELSE {2} END AS key_column
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = {0}
                  AND c.relkind IN ('r', 'p')
                  AND (c.relname = {3}
                       OR EXISTS (SELECT FROM pg_attribute a
                                  WHERE a.attrelid = c.oid AND a.attname = {2} AND NOT a.attisdropped))
            ),
            view_reads AS (
                SELECT DISTINCT rw.ev_class AS view_oid, d.refobjid AS read_oid
                FROM pg_rewrite rw
                JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
            ),
            tenant_views AS (
                SELECT view_oid AS oid FROM view_reads WHERE read_oid IN (SELECT oid FROM tenant_tables)
                UNION
                SELECT r.view_oid FROM view_reads r JOIN tenant_views v ON r.read_oid = v.oid
            )
            """;

    /** Runs {@code select} (two text columns: object, detail) after the scope's expressions. */
    List<Finding> findings(DSLContext transaction, Finding.Kind kind, String select) {
        return transaction.resultQuery(SCOPE + select, arguments())
                .fetch(row -> new Finding(kind, row.get(0, String.class), row.get(1, String.class)));
    }

    /**
     * Refuses a scope that would audit nothing: an unknown role or schema, or a schema without
     * tenant-owned tables, would otherwise give a clean report.
     */
    void requireAuditable(DSLContext transaction) {
        if (count(transaction, "SELECT count(*) FROM pg_roles WHERE rolname = {1}") == 0) {
            throw new IllegalArgumentException("applicationRole '" + applicationRole + "' does not exist");
        }
        if (count(transaction, "SELECT count(*) FROM pg_namespace WHERE nspname = {0}") == 0) {
            throw new IllegalArgumentException("schema '" + schema + "' does not exist");
        }
        if (count(transaction, SCOPE + "SELECT count(*) FROM tenant_tables") == 0) {
            throw new IllegalArgumentException("schema '" + schema + "' has no tenant-owned tables (a table "
                    + TENANT_TABLE + " or tables with a " + TENANT_COLUMN + " column): nothing to audit");
        }
    }

    private long count(DSLContext transaction, String sql) {
        return transaction.resultQuery(sql, arguments()).fetchSingle(0, Long.class);
    }

    private Object[] arguments() {
        return new Object[] {DSL.val(schema), DSL.val(applicationRole), DSL.val(TENANT_COLUMN),
                DSL.val(TENANT_TABLE), DSL.val(TENANT_TABLE_KEY), DSL.val(TENANT_SETTING)};
    }
}
