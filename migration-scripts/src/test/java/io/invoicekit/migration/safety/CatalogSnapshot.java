package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database's schema is, read from the catalog: schemas and extensions, tables and views
 * (with row-level security flags and privileges), columns (type, default, nullability, position),
 * constraints (definition, validity), indexes (definition, validity), policies, functions
 * (definition, privileges) and triggers. Two databases with equal snapshots have the same schema
 * as far as the application and the migrations can tell; {@link #diff} says where they differ.
 *
 * @param objects one entry per object, e.g. {@code "index invoices_user_status_idx"} to its
 *                definition and validity
 */
record CatalogSnapshot(SortedMap<String, String> objects) {

    CatalogSnapshot {
        objects = new TreeMap<>(objects);
    }

    /** Normalised privileges: the default ACL when none was ever granted, entries sorted. */
    private static String acl(String aclColumn, String kind, String ownerColumn) {
        return "(SELECT string_agg(g.entry, ',' ORDER BY g.entry) FROM"
                + " (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END"
                + " || ':' || a.privilege_type AS entry"
                + " FROM aclexplode(coalesce(" + aclColumn + ", acldefault('" + kind + "', " + ownerColumn + "))) a) g)";
    }

    private static final String NOT_SYSTEM = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    /** Each query yields (key, value) rows; keys are unique across queries. */
    private static final List<String> QUERIES = List.of(
            "SELECT 'schema ' || n.nspname, " + acl("n.nspacl", "n", "n.nspowner")
                    + " FROM pg_namespace n WHERE " + NOT_SYSTEM + " AND n.nspname NOT LIKE 'pg_temp%'"
                    + " AND n.nspname NOT LIKE 'pg_toast_temp%'",
            "SELECT 'extension ' || e.extname, n.nspname || ' ' || e.extversion"
                    + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace",
            "SELECT 'relation ' || c.relname, c.relkind::text || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity"
                    + " || ' options=' || coalesce(array_to_string(c.reloptions, ','), '') || ' acl=' || " + acl("c.relacl", "r", "c.relowner")
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')",
            "SELECT 'column ' || c.relname || '.' || a.attname,"
                    + " row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                    + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped",
            "SELECT 'constraint ' || c.relname || '.' || k.conname, pg_get_constraintdef(k.oid)"
                    + " || CASE WHEN k.convalidated THEN '' ELSE ' (NOT VALID)' END"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public'",
            "SELECT 'index ' || i.relname, pg_get_indexdef(i.oid)"
                    + " || CASE WHEN x.indisvalid THEN '' ELSE ' (INVALID)' END"
                    + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace"
                    + " WHERE n.nspname = 'public'",
            "SELECT 'policy ' || tablename || '.' || policyname, cmd || ' ' || permissive || ' to ' || array_to_string(roles, ',')"
                    + " || ' using ' || coalesce(qual, '-') || ' check ' || coalesce(with_check, '-')"
                    + " FROM pg_policies WHERE schemaname = 'public'",
            "SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid) || ' acl=' || " + acl("p.proacl", "f", "p.proowner")
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'public' AND NOT EXISTS (SELECT FROM pg_depend d"
                    + " WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')",
            "SELECT 'view ' || c.relname, pg_get_viewdef(c.oid)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')",
            "SELECT 'trigger ' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text"
                    + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND NOT t.tgisinternal");

    static CatalogSnapshot of(ConnectionSettings database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SortedMap<String, String> objects = new TreeMap<>();
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        String previous = objects.put(rows.getString(1), rows.getString(2));
                        if (previous != null) {
                            throw new IllegalStateException("two catalog objects named " + rows.getString(1));
                        }
                    }
                }
            }
            return new CatalogSnapshot(objects);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog of " + database + ": " + e.getMessage(), e);
        }
    }

    /** One line per difference: only here, only there, or both with different definitions. */
    List<String> diff(CatalogSnapshot other) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(objects.keySet());
        keys.addAll(other.objects.keySet());
        for (String key : keys) {
            String mine = objects.get(key);
            String theirs = other.objects.get(key);
            if (theirs == null) {
                lines.add("- only in actual:   " + key + " = " + mine);
            } else if (mine == null) {
                lines.add("- only in expected: " + key + " = " + theirs);
            } else if (!Objects.equals(mine, theirs)) {
                lines.add("- differs: " + key + "\n    actual:   " + mine + "\n    expected: " + theirs);
            }
        }
        return lines;
    }

    /** The entries whose key starts with {@code kind + " "}, e.g. every {@code "index"}. */
    Map<String, String> only(String kind) {
        return objects.subMap(kind + " ", kind + " \uffff");
    }
}
