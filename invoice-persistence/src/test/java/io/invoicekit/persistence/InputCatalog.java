package io.invoicekit.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * What the application role may write in the tenant tables (those under row-level security) and
 * the rules on it, read from the catalog of a migrated database: the columns it may insert, with
 * their types and nullability, and the CHECK constraints over those columns alone. Constraints
 * that also read a column only the database writes (a status, an amount paid, a counter) keep the
 * database's derived state, not an input; CheckConstraintsTest has a case for each of those.
 */
record InputCatalog(List<Column> columns, List<Check> checks) {

    /** A column the application inserts. {@code maxLength}, {@code precision}, {@code scale} are null where the type has none. */
    record Column(String table, String name, String type, boolean notNull, Integer maxLength, Integer precision,
                  Integer scale) {

        boolean isText() {
            return type.equals("text") || type.equals("character varying");
        }

        @Override
        public String toString() {
            return table + "." + name;
        }
    }

    /** A CHECK constraint: its name, definition, the words of its comment and the columns it reads. */
    record Check(String table, String name, String definition, String comment, Set<String> columns) {
    }

    private static final String INPUT_COLUMNS = """
            select c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable = 'NO',
                   c.character_maximum_length::integer, c.numeric_precision::integer, c.numeric_scale::integer
            from information_schema.columns c
            join pg_catalog.pg_class t on t.relname = c.table_name and t.relnamespace = 'public'::regnamespace
            where c.table_schema = 'public' and t.relkind = 'r' and t.relrowsecurity
              and has_column_privilege(?, format('public.%I', c.table_name), c.column_name, 'INSERT')
            order by 1, 2""";

    private static final String CHECKS = """
            select t.relname::text, k.conname::text, pg_get_constraintdef(k.oid), obj_description(k.oid, 'pg_constraint'),
                   array(select a.attname::text from pg_catalog.pg_attribute a
                         where a.attrelid = k.conrelid and a.attnum = any(k.conkey))
            from pg_catalog.pg_constraint k
            join pg_catalog.pg_class t on t.oid = k.conrelid
            where k.contype = 'c' and t.relnamespace = 'public'::regnamespace and t.relrowsecurity
            order by 1, 2""";

    static InputCatalog read(DataSource owner, String applicationRole) {
        try (Connection connection = owner.getConnection()) {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(INPUT_COLUMNS)) {
                query.setString(1, applicationRole);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                                rows.getObject(5, Integer.class), rows.getObject(6, Integer.class),
                                rows.getObject(7, Integer.class)));
                    }
                }
            }
            List<Check> checks = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(CHECKS); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array read = rows.getArray(5);
                    checks.add(new Check(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Set.copyOf(Arrays.asList((String[]) read.getArray()))));
                }
            }
            InputCatalog all = new InputCatalog(List.copyOf(columns), List.copyOf(checks));
            return new InputCatalog(all.columns, all.checks.stream().filter(all::readsInputOnly).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /** The input columns that {@code which} selects. */
    List<Column> columns(Predicate<Column> which) {
        return columns.stream().filter(which).toList();
    }

    boolean isInput(String table, String column) {
        return columns.stream().anyMatch(c -> c.table().equals(table) && c.name().equals(column));
    }

    private boolean readsInputOnly(Check check) {
        return check.columns().stream().allMatch(column -> isInput(check.table(), column));
    }
}
