package io.invoicekit.benchmarks.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The schema {@code baseline}, beside the real one, holding what the baselines need and our
 * schema must not have:
 * <ul>
 *   <li>copies of clients, invoices and line items (same columns, constraints and indexes) whose
 *       policy is the seeds' {@code user_id = current_setting('app.user_id')::uuid}, without the
 *       {@code (select ...)} that makes ours an InitPlan evaluated once per query;</li>
 *   <li>{@code invoice_numbers}: every invoice number (drafts have none), indexed but not unique,
 *       for the seeds' {@code MAX()+1} allocation, so that its duplicates are stored and can be
 *       counted;</li>
 *   <li>{@code allocated_numbers}: where the issuing benchmark logs the numbers its invoices were
 *       given, also not unique, so that their duplicates (none) are counted the same way;</li>
 *   <li>{@code tenants}: the generated tenants by size rank, for the benchmarks to pick from, and
 *       {@code data_set}: which scale and seed were loaded.</li>
 * </ul>
 */
final class BaselineSchema {

    private static final List<String> COPIED_TABLES = List.of("clients", "invoices", "line_items");
    private static final String PER_ROW_POLICY = "user_id = current_setting('app.user_id')::uuid";

    private BaselineSchema() {
    }

    static void create(Connection owner, String applicationRole, List<UUID> tenantsBySize) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS baseline CASCADE");
            statement.execute("CREATE SCHEMA baseline");
            statement.execute("GRANT USAGE ON SCHEMA baseline TO " + applicationRole);
            for (String table : COPIED_TABLES) {
                statement.execute("CREATE TABLE baseline." + table + " (LIKE public." + table + " INCLUDING ALL)");
                statement.execute("INSERT INTO baseline." + table + " SELECT * FROM public." + table);
                statement.execute("GRANT SELECT ON baseline." + table + " TO " + applicationRole);
            }
            statement.execute("""
                    CREATE TABLE baseline.invoice_numbers (
                        user_id        uuid    NOT NULL,
                        invoice_number text    NOT NULL,
                        allocated      boolean NOT NULL DEFAULT true)""");
            statement.execute("""
                    INSERT INTO baseline.invoice_numbers (user_id, invoice_number, allocated)
                    SELECT user_id, invoice_number, false FROM public.invoices WHERE invoice_number IS NOT NULL""");
            statement.execute("CREATE INDEX ON baseline.invoice_numbers (user_id, invoice_number)");
            statement.execute("GRANT SELECT, INSERT ON baseline.invoice_numbers TO " + applicationRole);
            for (String table : List.of("clients", "invoices", "line_items", "invoice_numbers")) {
                statement.execute("ALTER TABLE baseline." + table + " ENABLE ROW LEVEL SECURITY");
                statement.execute("ALTER TABLE baseline." + table + " FORCE ROW LEVEL SECURITY");
                statement.execute("CREATE POLICY per_row_setting ON baseline." + table
                        + " USING (" + PER_ROW_POLICY + ") WITH CHECK (" + PER_ROW_POLICY + ")");
            }
            statement.execute("CREATE TABLE baseline.allocated_numbers (user_id uuid NOT NULL, invoice_number text NOT NULL)");
            statement.execute("GRANT INSERT ON baseline.allocated_numbers TO " + applicationRole);
            statement.execute("CREATE TABLE baseline.tenants (rank integer PRIMARY KEY, user_id uuid NOT NULL)");
            statement.execute("CREATE TABLE baseline.data_set (scale text NOT NULL, seed bigint NOT NULL, "
                    + "loaded_at timestamptz NOT NULL DEFAULT now())");
        }
        try (PreparedStatement insert = owner.prepareStatement("INSERT INTO baseline.tenants (rank, user_id) VALUES (?, ?)")) {
            for (int i = 0; i < tenantsBySize.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setObject(2, tenantsBySize.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = owner.createStatement()) {
            for (String table : List.of("clients", "invoices", "line_items", "invoice_numbers", "tenants")) {
                statement.execute("VACUUM (ANALYZE) baseline." + table);
            }
        }
    }
}
