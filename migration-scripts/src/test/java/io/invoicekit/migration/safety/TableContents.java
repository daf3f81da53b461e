package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rows of the application's tables as text, for comparing a database before and after a
 * migration: the same rows with the same values in the columns that existed before.
 *
 * @param rows per table, each row's values as a PostgreSQL row literal, sorted
 */
record TableContents(SortedMap<String, List<String>> rows) {

    TableContents {
        rows = new TreeMap<>(rows);
    }

    /** Reads the given columns of the given tables. */
    static TableContents read(ConnectionSettings database, Columns columns) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SortedMap<String, List<String>> rows = new TreeMap<>();
            for (Map.Entry<String, List<String>> table : columns.byTable().entrySet()) {
                List<String> quoted = table.getValue().stream().map(column -> '"' + column + '"').toList();
                List<String> values = new ArrayList<>();
                String leftOut = columns.rowsLeftOut().get(table.getKey());
                try (ResultSet result = statement.executeQuery(
                        "SELECT ROW(" + String.join(", ", quoted) + ")::text FROM \"" + table.getKey() + "\""
                                + (leftOut == null ? "" : " WHERE NOT (" + leftOut + ")"))) {
                    while (result.next()) {
                        values.add(result.getString(1));
                    }
                }
                values.sort(null);
                rows.put(table.getKey(), values);
            }
            return new TableContents(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + database + ": " + e.getMessage(), e);
        }
    }

    /** The number of rows read from a table. */
    int count(String table) {
        return rows.getOrDefault(table, List.of()).size();
    }

    /**
     * Which columns to compare: taken from the database before the migration, so that columns
     * added later are left out.
     *
     * @param byTable     the column names per table, in table order
     * @param rowsLeftOut per table, an SQL condition on the rows not to compare
     */
    record Columns(SortedMap<String, List<String>> byTable, SortedMap<String, String> rowsLeftOut) {

        Columns {
            byTable = new TreeMap<>(byTable);
            rowsLeftOut = new TreeMap<>(rowsLeftOut);
        }

        Columns(SortedMap<String, List<String>> byTable) {
            this(byTable, new TreeMap<>());
        }

        /** Every column of every table in schema public but Flyway's history. */
        static Columns of(ConnectionSettings database) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(
                         "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                                 + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                                 + " AND c.relname <> 'flyway_schema_history' AND a.attnum > 0 AND NOT a.attisdropped"
                                 + " ORDER BY c.relname, a.attnum")) {
                SortedMap<String, List<String>> byTable = new TreeMap<>();
                while (result.next()) {
                    byTable.computeIfAbsent(result.getString(1), table -> new ArrayList<>()).add(result.getString(2));
                }
                return new Columns(byTable);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the columns of " + database + ": " + e.getMessage(), e);
            }
        }

        /**
         * These columns without a table's, for a table a later migration drops on purpose once it
         * has moved what the table held elsewhere (the test then checks it there).
         */
        Columns withoutTable(String table) {
            SortedMap<String, List<String>> fewer = new TreeMap<>(byTable);
            fewer.remove(table);
            return new Columns(fewer, rowsLeftOut);
        }

        /** These columns without one, for a column a migration rewrites on purpose. */
        Columns without(String table, String column) {
            SortedMap<String, List<String>> fewer = new TreeMap<>(byTable);
            fewer.put(table, byTable.get(table).stream().filter(name -> !name.equals(column)).toList());
            return new Columns(fewer, rowsLeftOut);
        }

        /**
         * These columns without the rows of a table that match an SQL {@code condition}, for rows a
         * later migration adds on purpose (the test then checks them itself).
         */
        Columns withoutRows(String table, String condition) {
            SortedMap<String, String> more = new TreeMap<>(rowsLeftOut);
            more.put(table, condition);
            return new Columns(byTable, more);
        }
    }
}
