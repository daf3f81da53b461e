package io.invoicekit.rls.isolation;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A tenant-owned table as the catalog describes it, read by the application role itself (the
 * catalog is readable by every role): what the probe needs to seed a row of it and to attack it
 * without knowing anything of it beforehand.
 *
 * @param name         the table's name, schema-qualified and quoted as SQL needs it
 * @param label        the name the report shows
 * @param tenantColumn the column that holds the tenant (the tenants table's own key for that table)
 * @param columns      its columns, in order
 * @param uniqueKeys   the columns of each unique index (expression columns left out)
 * @param foreignKeys  its foreign keys
 */
record CatalogTable(String name, String label, String tenantColumn, List<Column> columns,
                    List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys) {

    /**
     * One column.
     *
     * @param type         the type as SQL spells it, for casts ({@code varchar(200)})
     * @param category     pg_type's category of the type, or of a domain's base type
     * @param required     NOT NULL without a default and not generated: an insert must give it
     * @param fromSequence filled from a sequence (a serial or an identity column): never left to it,
     *                     since nextval is not rolled back and the probe must leave sequences as it
     *                     found them
     * @param writable     whether the probing role may insert it
     * @param updatable    whether the probing role may update it
     * @param firstLabel   the first label of an enum type, else null
     */
    record Column(String name, String type, String category, boolean required, boolean fromSequence,
                  boolean identityAlways, boolean generated, boolean writable, boolean updatable,
                  String firstLabel) {
    }

    /** A foreign key: its columns, in order, and the columns of the table they refer to. */
    record ForeignKey(String constraint, List<String> columns, String referencedTable, String referencedLabel,
                      List<String> referencedColumns) {

        /** Whether the key includes the tenant: then a row can only ever refer to a row of its own tenant. */
        boolean includes(String tenantColumn) {
            return columns.contains(tenantColumn);
        }
    }

    Optional<Column> column(String column) {
        return columns.stream().filter(candidate -> candidate.name().equals(column)).findFirst();
    }

    /** The unique keys that leave the tenant out: their violations tell another tenant's values. */
    List<List<String>> uniqueKeysWithoutTenant() {
        return uniqueKeys.stream().filter(key -> !key.contains(tenantColumn)).toList();
    }

    /** The columns of unique keys other than the tenant: a copy of a row needs new values for them. */
    List<String> uniqueColumns() {
        return uniqueKeys.stream().flatMap(List::stream).filter(column -> !column.equals(tenantColumn))
                .distinct().toList();
    }

    private static final String TABLES = """
            select format('%I.%I', n.nspname, c.relname), c.relname,
                   case when c.relname = ? then ? else ? end
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
              and (c.relname = ?
                   or exists (select 1 from pg_attribute a
                              where a.attrelid = c.oid and a.attname = ? and a.attnum > 0 and not a.attisdropped))
            order by c.relname""";

    private static final String COLUMNS = """
            select a.attname, format_type(a.atttypid, a.atttypmod), base.typcategory,
                   a.attnotnull and not a.atthasdef and a.attgenerated = '' and a.attidentity = '',
                   a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%',
                   a.attidentity = 'a', a.attgenerated <> '',
                   has_column_privilege(a.attrelid, a.attnum, 'INSERT'),
                   has_column_privilege(a.attrelid, a.attnum, 'UPDATE'),
                   (select e.enumlabel from pg_enum e where e.enumtypid = base.oid order by e.enumsortorder limit 1)
            from pg_attribute a
            join pg_type t on t.oid = a.atttypid
            join pg_type base on base.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped
            order by a.attnum""";

    private static final String UNIQUE_KEYS = """
            select array(select a.attname from unnest(i.indkey) with ordinality as k(attnum, position)
                         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                         order by k.position)
            from pg_index i
            where i.indrelid = ?::regclass and i.indisunique
            order by i.indexrelid""";

    private static final String FOREIGN_KEYS = """
            select con.conname,
                   array(select a.attname from unnest(con.conkey) with ordinality as k(attnum, position)
                         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.position),
                   format('%I.%I', n.nspname, r.relname), r.relname,
                   array(select a.attname from unnest(con.confkey) with ordinality as k(attnum, position)
                         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.position)
            from pg_constraint con
            join pg_class r on r.oid = con.confrelid
            join pg_namespace n on n.oid = r.relnamespace
            where con.conrelid = ?::regclass and con.contype = 'f'
            order by con.conname""";

    /**
     * Every table of {@code schema} that holds tenants' rows: the tenants table, and each table with
     * the tenant column, whether row-level security protects it or not (that is for the attacks to
     * find out).
     */
    static List<CatalogTable> discover(Session session, TenantSchema schema) throws SQLException {
        List<CatalogTable> tables = new ArrayList<>();
        try (PreparedStatement statement = session.connection().prepareStatement(TABLES)) {
            statement.setString(1, schema.tenantsTable());
            statement.setString(2, schema.tenantsKey());
            statement.setString(3, schema.tenantColumn());
            statement.setString(4, schema.schema());
            statement.setString(5, schema.tenantsTable());
            statement.setString(6, schema.tenantColumn());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(new CatalogTable(result.getString(1), result.getString(2), result.getString(3),
                            List.of(), List.of(), List.of()));
                }
            }
        }
        List<CatalogTable> described = new ArrayList<>();
        for (CatalogTable table : tables) {
            described.add(new CatalogTable(table.name, table.label, table.tenantColumn, columns(session, table.name),
                    uniqueKeys(session, table.name), foreignKeys(session, table.name)));
        }
        return List.copyOf(described);
    }

    private static List<Column> columns(Session session, String table) throws SQLException {
        return rows(session, COLUMNS, table, result -> new Column(result.getString(1), result.getString(2),
                result.getString(3), result.getBoolean(4), result.getBoolean(5), result.getBoolean(6),
                result.getBoolean(7), result.getBoolean(8), result.getBoolean(9), result.getString(10)));
    }

    private static List<List<String>> uniqueKeys(Session session, String table) throws SQLException {
        return rows(session, UNIQUE_KEYS, table, result -> names(result.getArray(1)));
    }

    private static List<ForeignKey> foreignKeys(Session session, String table) throws SQLException {
        return rows(session, FOREIGN_KEYS, table, result -> new ForeignKey(result.getString(1),
                names(result.getArray(2)), result.getString(3), result.getString(4), names(result.getArray(5))));
    }

    /** A row of a catalog query, as a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    /** The rows of a catalog query about one table, its only parameter. */
    private static <T> List<T> rows(Session session, String sql, String table, RowReader<T> reader)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
        }
        return List.copyOf(rows);
    }

    private static List<String> names(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
