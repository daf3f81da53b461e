package io.invoicekit.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a run could leave behind in a database, read by a role that sees every row (a superuser):
 * the rows of every table and the last value of every sequence, by name. Two snapshots are equal
 * when nothing was left: what the isolation probe must prove.
 *
 * @param rows      row count by table ({@code schema.table})
 * @param sequences last value by sequence ({@code schema.sequence}; 0 if never used)
 */
public record DatabaseSnapshot(Map<String, Long> rows, Map<String, Long> sequences) {

    public DatabaseSnapshot {
        rows = Map.copyOf(rows);
        sequences = Map.copyOf(sequences);
    }

    public static DatabaseSnapshot of(DataSource superuser) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> sequences = new TreeMap<>();
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery("""
                    select format('%I.%I', schemaname, relname) from pg_stat_user_tables order by 1""")) {
                while (tables.next()) {
                    rows.put(tables.getString(1), null);
                }
            }
            for (String table : rows.keySet()) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
            try (ResultSet values = statement.executeQuery("""
                    select format('%I.%I', schemaname, sequencename), coalesce(last_value, 0) from pg_sequences""")) {
                while (values.next()) {
                    sequences.put(values.getString(1), values.getLong(2));
                }
            }
        }
        return new DatabaseSnapshot(rows, sequences);
    }
}
