package io.invoicekit.rls.isolation;

import io.invoicekit.rls.isolation.CatalogTable.Column;
import io.invoicekit.rls.isolation.CatalogTable.ForeignKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Rows for tables the probe knows only from the catalog: for each tenant, a row the tenant already
 * has there (one a trigger wrote while the tables of ours were seeded), or else one made up from
 * the catalog: the tenant in the tenant column, foreign keys pointing at the tenant's rows of the
 * tables referred to, a sample value of its type in every other column an insert must give, and a
 * value of the probe's own where a sequence would give one (nextval is not rolled back). Each in a
 * savepoint: a table that refuses its made-up row (a CHECK the probe cannot know) gets no row, and
 * the report says why.
 */
final class CatalogSeeds {

    private final List<CatalogTable> tables;
    private final TenantSchema schema;

    CatalogSeeds(List<CatalogTable> tables, TenantSchema schema) {
        this.tables = inForeignKeyOrder(tables);
        this.schema = schema;
    }

    /** Gives {@code tenant}, which the caller has set, a row in every table. */
    void seed(Session session, UUID tenant, SeededRows seeded) throws SQLException {
        for (CatalogTable table : tables) {
            session.rows("savepoint probe_seed");
            try {
                Map<String, String> row = existing(session, table, tenant).orElse(null);
                seeded.add(table, tenant, row != null ? row : insert(session, table, tenant, seeded));
                session.rows("release savepoint probe_seed");
            } catch (SQLException e) {
                session.rows("rollback to savepoint probe_seed");
                seeded.failed(table, "refused " + e.getSQLState() + ": " + IsolationProbe.message(e));
            }
        }
    }

    private static Optional<Map<String, String>> existing(Session session, CatalogTable table, UUID tenant)
            throws SQLException {
        return first(session, "select * from " + table.name() + " where " + tenantMatch(table) + " limit 1",
                List.of(tenant.toString()));
    }

    private Map<String, String> insert(Session session, CatalogTable table, UUID tenant, SeededRows seeded)
            throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(table.tenantColumn(), tenant.toString());
        for (ForeignKey key : table.foreignKeys()) {
            Map<String, String> referenced = referencedRow(session, key, tenant, seeded);
            for (int i = 0; i < key.columns().size(); i++) {
                values.putIfAbsent(key.columns().get(i), referenced.get(key.referencedColumns().get(i)));
            }
        }
        for (Column column : table.columns()) {
            if (column.fromSequence()) {
                values.putIfAbsent(column.name(), Long.toString(probeNumber()));
            } else if (column.required() && values.get(column.name()) == null) {
                // Each tenant's own value where a key must be unique: a key without the tenant would refuse the second.
                String sample = sample(column);
                values.put(column.name(), table.uniqueColumns().contains(column.name()) ? fresh(column, sample) : sample);
            }
        }
        return insertReturning(session, table, values, "");
    }

    /** The tenant's row in the table a foreign key refers to; for the tenants table, the tenant itself. */
    private Map<String, String> referencedRow(Session session, ForeignKey key, UUID tenant, SeededRows seeded)
            throws SQLException {
        if (key.referencedLabel().equals(schema.tenantsTable()) && key.referencedColumns().equals(List.of(schema.tenantsKey()))) {
            return Map.of(schema.tenantsKey(), tenant.toString());
        }
        Optional<CatalogTable> known = tables.stream().filter(table -> table.name().equals(key.referencedTable())).findFirst();
        if (known.isPresent()) {
            Optional<Map<String, String>> row = seeded.of(known.get(), tenant);
            if (row.isPresent()) {
                return row.get();
            }
        }
        // A table the probe does not seed (one without tenants, say): whatever row the tenant may see.
        return first(session, "select * from " + key.referencedTable() + " limit 1", List.of()).orElse(Map.of());
    }

    /** Inserts {@code values} (column to text) into {@code table}, then {@code suffix}; the row stored. */
    static Map<String, String> insertReturning(Session session, CatalogTable table, Map<String, String> values,
                                               String suffix) throws SQLException {
        return first(session, insertSql(table, values) + " " + suffix + " returning *", List.copyOf(values.values()))
                .orElseThrow(() -> new SQLException("the insert returned no row"));
    }

    /** Inserts {@code values} into {@code table}, then {@code suffix}; the rows inserted. */
    static long insert(Session session, CatalogTable table, Map<String, String> values, String suffix)
            throws SQLException {
        return session.rows(insertSql(table, values) + " " + suffix, List.copyOf(values.values()));
    }

    private static String insertSql(CatalogTable table, Map<String, String> values) {
        List<String> columns = List.copyOf(values.keySet());
        boolean overriding = columns.stream().map(table::column).flatMap(Optional::stream).anyMatch(Column::identityAlways);
        return "insert into " + table.name() + " (" + columns.stream().map(CatalogSeeds::quote)
                .collect(Collectors.joining(", ")) + ")" + (overriding ? " overriding system value" : "")
                + " values (" + columns.stream().map(column -> "?::" + table.column(column).orElseThrow().type())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * {@code row} as a new row to insert: the tenant and the columns the role may write that have a
     * value, with new values in the columns of unique keys (but the tenant's), then {@code changes}.
     */
    static Map<String, String> copy(CatalogTable table, Map<String, String> row, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            String value = row.get(column.name());
            if (insertable(table, column) && value != null) {
                values.put(column.name(), table.uniqueColumns().contains(column.name()) || column.fromSequence()
                        ? fresh(column, value) : value);
            }
        }
        values.putAll(changes);
        return values;
    }

    /**
     * {@code row} restricted to the tenant and the columns the role may write: the same row again.
     */
    static Map<String, String> same(CatalogTable table, Map<String, String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        table.columns().stream().filter(column -> insertable(table, column) && row.get(column.name()) != null)
                .forEach(column -> values.put(column.name(), row.get(column.name())));
        return values;
    }

    /** Whether a copy gives the column: the tenant always (a role without INSERT is then refused for it). */
    private static boolean insertable(CatalogTable table, Column column) {
        return !column.generated() && (column.writable() || column.name().equals(table.tenantColumn()));
    }

    /** The first row of a query, every column as text by its name. */
    static Optional<Map<String, String>> first(Session session, String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData columns = result.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), result.getString(i));
                }
                return Optional.of(row);
            }
        }
    }

    /** {@code tenant column = ?}, the bind cast to the column's type. */
    static String tenantMatch(CatalogTable table) {
        return quote(table.tenantColumn()) + " = ?::" + table.column(table.tenantColumn()).orElseThrow().type();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String fresh(Column column, String old) {
        return switch (column.category()) {
            case "N" -> Long.toString(probeNumber());
            case "S" -> "p" + UUID.randomUUID().toString().substring(0, 8);
            default -> column.type().equals("uuid") ? UUID.randomUUID().toString() : old;
        };
    }

    /** A number for a serial or identity column: far above what a sequence has given, within integer. */
    private static long probeNumber() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    }

    private static String sample(Column column) throws SQLException {
        String type = column.type();
        String sample = switch (column.category()) {
            case "S" -> "probe";
            case "N" -> "1";
            case "B" -> "false";
            case "D" -> type.startsWith("time ") || type.equals("time") ? "12:00" : "2025-01-01";
            case "T" -> "1 day";
            case "E" -> column.firstLabel();
            case "A" -> "{}";
            case "I" -> "127.0.0.1";
            case "U" -> switch (type) {
                case "uuid" -> UUID.randomUUID().toString();
                case "json", "jsonb" -> "{}";
                case "bytea" -> "\\x00";
                default -> null;
            };
            default -> null;
        };
        if (sample == null) {
            throw new SQLException("the probe has no sample value of type " + type + " for column " + column.name(),
                    "0A000");
        }
        return sample;
    }

    /** The tables, each after the tables its foreign keys refer to (cycles broken in name order). */
    private static List<CatalogTable> inForeignKeyOrder(List<CatalogTable> tables) {
        List<CatalogTable> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<CatalogTable> pending = new ArrayList<>(tables);
        while (!pending.isEmpty()) {
            CatalogTable next = pending.stream()
                    .filter(table -> table.foreignKeys().stream().allMatch(key -> placed.contains(key.referencedTable())
                            || key.referencedTable().equals(table.name())
                            || pending.stream().noneMatch(other -> other.name().equals(key.referencedTable()))))
                    .findFirst().orElse(pending.getFirst());
            ordered.add(next);
            placed.add(next.name());
            pending.remove(next);
        }
        return List.copyOf(ordered);
    }
}
