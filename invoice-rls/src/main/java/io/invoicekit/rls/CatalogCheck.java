package io.invoicekit.rls;

import java.util.List;
import org.jooq.DSLContext;

/**
 * One query against the catalog per rule of {@link Finding.Kind}; each returns a row (object,
 * detail) per object that breaks its rule, using the expressions of {@link AuditScope}.
 */
enum CatalogCheck {

    RLS_ENABLED(Finding.Kind.RLS_NOT_ENABLED, """
            SELECT relname, 'row-level security is disabled: every row is visible to every tenant'
            FROM tenant_tables
            WHERE NOT relrowsecurity
            """),

    RLS_FORCED(Finding.Kind.RLS_NOT_FORCED, """
            SELECT relname, 'row-level security is not forced: the table owner, and every role that is a '
                            || 'member of it, sees and changes every tenant''s rows'
            FROM tenant_tables
            WHERE NOT relforcerowsecurity
            """),

    // A command without a permissive policy is denied to everyone: fail-closed, but a sign that a
    // policy was dropped, and the application cannot run it.
    POLICY_PER_COMMAND(Finding.Kind.COMMAND_WITHOUT_POLICY, """
            SELECT t.relname, command.name || ' has no permissive policy that applies to ' || {1}
            FROM tenant_tables t
            CROSS JOIN (VALUES (1, 'r', 'SELECT'), (2, 'a', 'INSERT'), (3, 'w', 'UPDATE'), (4, 'd', 'DELETE'))
                AS command(position, code, name)
            WHERE NOT EXISTS (
                SELECT FROM pg_policy p
                WHERE p.polrelid = t.oid
                  AND p.polpermissive
                  AND p.polcmd IN (command.code, '*')
                  AND EXISTS (SELECT FROM unnest(p.polroles) AS r(oid)
                              WHERE r.oid = 0 OR pg_has_role({1}, r.oid, 'USAGE')))
            ORDER BY t.relname, command.position
            """),

    // Permissive policies are ORed: one extra "USING (true)" opens the table whatever the others
    // say. Restrictive policies are ANDed and can only narrow, so they are not checked.
    TENANT_PREDICATE(Finding.Kind.POLICY_NOT_TENANT_PREDICATE, """
            SELECT t.relname || '.' || p.polname,
                   clause.name || ' is ' || clause.expression || ', expected '
                       || format('(%I = ( SELECT current_tenant_id() AS current_tenant_id))', t.key_column)
            FROM tenant_tables t
            JOIN pg_policy p ON p.polrelid = t.oid
            CROSS JOIN LATERAL (VALUES (1, 'USING', pg_get_expr(p.polqual, p.polrelid)),
                                       (2, 'WITH CHECK', pg_get_expr(p.polwithcheck, p.polrelid)))
                AS clause(position, name, expression)
            WHERE p.polpermissive
              AND clause.expression IS NOT NULL
              AND clause.expression
                  <> format('(%I = ( SELECT current_tenant_id() AS current_tenant_id))', t.key_column)
              AND EXISTS (SELECT FROM unnest(p.polroles) AS r(oid)
                          WHERE r.oid = 0 OR pg_has_role({1}, r.oid, 'USAGE'))
            ORDER BY t.relname, p.polname, clause.position
            """),

    // A superuser has every privilege and owns everything in effect: reported once, as superuser.
    NO_OWNERSHIP(Finding.Kind.APP_ROLE_OWNS_OBJECT, """
            SELECT c.oid::regclass::text,
                   CASE WHEN c.relowner = a.oid
                        THEN 'owned by the application role'
                        ELSE 'owned by ' || pg_get_userbyid(c.relowner) || ', a role ' || a.rolname || ' is a member of'
                   END
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN app a ON NOT a.rolsuper AND pg_has_role(a.oid, c.relowner, 'MEMBER')
            WHERE n.nspname = {0}
              AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            ORDER BY 1
            """),

    NOT_SUPERUSER(Finding.Kind.APP_ROLE_IS_SUPERUSER, """
            SELECT rolname,
                   CASE WHEN rolname = {1} THEN 'the application role' ELSE 'a member of ' || {1} END
                       || ' is a superuser: row-level security never applies to it'
            FROM app_roles
            WHERE rolsuper
            ORDER BY rolname
            """),

    NO_BYPASSRLS(Finding.Kind.APP_ROLE_BYPASSES_RLS, """
            SELECT rolname,
                   CASE WHEN rolname = {1} THEN 'the application role' ELSE 'a member of ' || {1} END
                       || ' has BYPASSRLS: row-level security never applies to it'
            FROM app_roles
            WHERE rolbypassrls AND NOT rolsuper
            ORDER BY rolname
            """),

    // TRUNCATE ignores row-level security; REFERENCES lets a foreign key probe for other tenants'
    // keys; TRIGGER runs the role's code on every tenant's rows.
    NO_EXCESS_PRIVILEGE(Finding.Kind.APP_ROLE_EXCESS_PRIVILEGE, """
            SELECT t.relname, string_agg(p.name, ', ' ORDER BY p.name) || ' granted to ' || a.rolname
            FROM tenant_tables t
            CROSS JOIN app a
            CROSS JOIN (VALUES ('REFERENCES'), ('TRIGGER'), ('TRUNCATE')) AS p(name)
            WHERE NOT a.rolsuper AND has_table_privilege(a.oid, t.oid, p.name)
            GROUP BY t.relname, a.rolname
            ORDER BY t.relname
            """),

    // A role that can create functions can plant a leaky one, or shadow one that others call.
    NO_CREATE(Finding.Kind.APP_ROLE_CAN_CREATE, """
            SELECT {0}::text, a.rolname || ' has CREATE on schema ' || {0}
            FROM app a
            WHERE NOT a.rolsuper AND has_schema_privilege(a.oid, {0}, 'CREATE')
            """),

    // Temporary objects come first on the search_path of the session that made them: a temp table
    // named like ours would be what an unqualified name means, for later borrowers of a pooled
    // connection too.
    NO_TEMP(Finding.Kind.APP_ROLE_CAN_CREATE_TEMP, """
            SELECT current_database()::text,
                   CASE WHEN r.rolname = {1} THEN 'the application role' ELSE 'a member of ' || {1} END
                       || ' ' || r.rolname || ' has TEMP on the database'
            FROM app_roles r
            WHERE NOT r.rolsuper AND has_database_privilege(r.oid, current_database(), 'TEMP')
            ORDER BY r.rolname
            """),

    NO_PUBLIC_PRIVILEGE(Finding.Kind.PUBLIC_TABLE_PRIVILEGE, """
            SELECT t.relname, string_agg(acl.privilege_type, ', ' ORDER BY acl.privilege_type)
                              || ' granted to PUBLIC: every role has it'
            FROM tenant_tables t
            CROSS JOIN LATERAL aclexplode(t.relacl) AS acl
            WHERE acl.grantee = 0
            GROUP BY t.relname
            ORDER BY t.relname
            """),

    // Without a pinned search_path, the caller's search_path decides which objects a function
    // that runs with its owner's rights resolves.
    PINNED_SEARCH_PATH(Finding.Kind.SECURITY_DEFINER_WITHOUT_SEARCH_PATH, """
            SELECT p.oid::regprocedure::text,
                   'SECURITY DEFINER, owned by ' || pg_get_userbyid(p.proowner) || ', without SET search_path'
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = {0}
              AND p.prosecdef
              AND NOT EXISTS (SELECT FROM unnest(p.proconfig) AS setting(text)
                              WHERE setting.text LIKE 'search\\_path=%')
            ORDER BY 1
            """),

    // The caller's search_path decides what an unqualified name in a function means: a trigger
    // function runs for the application whatever EXECUTE says, the others where it may call them.
    // (SECURITY DEFINER functions are the check above.)
    FUNCTION_SEARCH_PATH(Finding.Kind.FUNCTION_WITHOUT_SEARCH_PATH, """
            SELECT p.oid::regprocedure::text,
                   CASE WHEN p.prorettype = 'trigger'::regtype THEN 'trigger function'
                        ELSE 'executable by ' || a.rolname END || ' without SET search_path'
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            CROSS JOIN app a
            WHERE n.nspname = {0}
              AND NOT p.prosecdef
              AND NOT a.rolsuper
              AND (p.prorettype = 'trigger'::regtype OR has_function_privilege(a.oid, p.oid, 'EXECUTE'))
              AND NOT EXISTS (SELECT FROM unnest(p.proconfig) AS setting(text)
                              WHERE setting.text LIKE 'search\\_path=%')
            ORDER BY 1
            """),

    // A view reads its tables with its owner's rights unless security_invoker is on, and a
    // materialized view stores every tenant's rows: neither is bound by the callers' tenant.
    SECURITY_INVOKER_VIEWS(Finding.Kind.VIEW_NOT_SECURITY_INVOKER, """
            SELECT c.oid::regclass::text,
                   CASE WHEN c.relkind = 'm'
                        THEN 'materialized view over tenant-owned tables: it holds every tenant''s rows'
                        ELSE 'view over tenant-owned tables without security_invoker: it reads them as '
                             || pg_get_userbyid(c.relowner)
                   END
            FROM tenant_views v
            JOIN pg_class c ON c.oid = v.oid
            WHERE c.relkind = 'm'
               OR NOT coalesce((SELECT o.option_value::boolean
                                FROM pg_options_to_table(c.reloptions) AS o
                                WHERE o.option_name = 'security_invoker'), false)
            ORDER BY 1
            """),

    NO_DEFAULT_TENANT(Finding.Kind.DEFAULT_TENANT, """
            SELECT CASE WHEN s.setrole = 0 THEN 'every role' ELSE 'role ' || pg_get_userbyid(s.setrole) END
                       || ' in '
                       || CASE WHEN s.setdatabase = 0 THEN 'every database' ELSE 'database ' || current_database() END,
                   'sets ' || setting.text || ': sessions start with that tenant instead of none'
            FROM pg_db_role_setting s
            CROSS JOIN LATERAL unnest(s.setconfig) AS setting(text)
            WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
              AND (s.setrole = 0 OR s.setrole IN (SELECT oid FROM app_roles))
              AND split_part(setting.text, '=', 1) IN ({5}, 'app.tenant_token')
            ORDER BY 1
            """);

    private final Finding.Kind kind;
    private final String select;

    CatalogCheck(Finding.Kind kind, String select) {
        this.kind = kind;
        this.select = select;
    }

    List<Finding> run(DSLContext transaction, AuditScope scope) {
        return scope.findings(transaction, kind, select);
    }
}
