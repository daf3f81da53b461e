package io.invoicekit.benchmarks.data;

import io.invoicekit.testing.ConnectionSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads a {@link DataSetPlan} into a migrated database with COPY, as a superuser (so that neither
 * row-level security nor triggers get in the way; see {@link TableCopy}), moves each tenant's
 * default series on past the numbers loaded, then VACUUM ANALYZEs it and builds the
 * {@link BaselineSchema}. A database that already holds this plan's data set (same scale and
 * seed, say a large one loaded before) is used as it is; one that holds anything else is refused
 * rather than mixed with.
 */
public final class DataSetLoader {

    private static final List<String> TABLES = List.of(
            "users", "invoice_series", "clients", "invoices", "line_items", "payments");

    /**
     * The default series goes on from the last number loaded, as V11 has it go on from the counter
     * it replaces: the generator numbers each tenant's issued invoices INV-000001 on without a gap,
     * so the last number is their count, and the last issue date is the latest of theirs (issue
     * dates never go backwards in a series).
     */
    private static final String CONTINUE_DEFAULT_SERIES = """
            UPDATE invoice_series series
            SET last_number = loaded.numbered, last_issue_date = loaded.last_issued
            FROM (SELECT user_id, count(*) AS numbered, max(issue_date) AS last_issued
                  FROM invoices
                  WHERE invoice_number IS NOT NULL
                  GROUP BY user_id) AS loaded
            WHERE series.user_id = loaded.user_id AND series.document_kind = 'invoice' AND series.is_default""";

    private final ConnectionSettings owner;
    private final String applicationRole;
    private final PrintStream progress;

    public DataSetLoader(ConnectionSettings owner, String applicationRole, PrintStream progress) {
        this.owner = owner;
        this.applicationRole = applicationRole;
        this.progress = progress;
    }

    /** What is in the database after {@link #load}, and how long loading it took (zero if it was there). */
    public record LoadedDataSet(Map<String, Long> rows, Duration took, boolean reused) {
    }

    public LoadedDataSet load(DataSetPlan plan) throws SQLException {
        long started = System.nanoTime();
        boolean reused;
        try (Connection connection = owner.connect()) {
            requireSuperuser(connection);
            reused = alreadyLoaded(connection, plan);
            if (!reused) {
                List<UUID> tenants = copy(plan);
                progress.println("VACUUM ANALYZE, then the baseline schema (copies with the per-row policy) ...");
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(CONTINUE_DEFAULT_SERIES);
                    // The clients' search windows, which their trigger writes and COPY as a replica did not.
                    statement.execute("CALL public.backfill_client_search_trigrams(10000)");
                    for (String table : TABLES) {
                        statement.execute("VACUUM (ANALYZE) public." + table);
                    }
                    statement.execute("VACUUM (ANALYZE) public.client_search_trigrams");
                }
                BaselineSchema.create(connection, applicationRole, tenants);
                PeerSchema.create(connection);
                try (var marker = connection.prepareStatement("INSERT INTO baseline.data_set (scale, seed) VALUES (?, ?)")) {
                    marker.setString(1, plan.scale().label());
                    marker.setLong(2, plan.seed());
                    marker.executeUpdate();
                }
            }
            return new LoadedDataSet(counts(connection), reused ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started),
                    reused);
        }
    }

    private List<UUID> copy(DataSetPlan plan) throws SQLException {
        Map<Class<?>, TableCopy> copies = new LinkedHashMap<>();
        try {
            // With its trigger on: the users trigger gives each tenant its default invoice series.
            copies.put(Rows.Tenant.class, TableCopy.openFiringTriggers(owner.connect(), Rows.Tenant.COPY));
            copies.put(Rows.Client.class, TableCopy.open(owner.connect(), Rows.Client.COPY));
            copies.put(Rows.Invoice.class, TableCopy.open(owner.connect(), Rows.Invoice.COPY));
            copies.put(Rows.LineItem.class, TableCopy.open(owner.connect(), Rows.LineItem.COPY));
            copies.put(Rows.Payment.class, TableCopy.open(owner.connect(), Rows.Payment.COPY));
            var bar = new ProgressBar(progress, "invoices", plan.invoices());
            var sink = new Sink(copies, bar);
            var generator = new InvoiceDataGenerator(plan.asOf());
            var random = new SplittableRandom(plan.seed());
            List<UUID> tenants = new ArrayList<>();
            for (int rank = 1; rank <= plan.tenants().size(); rank++) {
                tenants.add(generator.tenant(rank, plan.tenants().get(rank - 1), random.split(), sink));
            }
            for (TableCopy copy : copies.values()) {
                copy.finish();
            }
            bar.done();
            return tenants;
        } finally {
            for (TableCopy copy : copies.values()) {
                copy.close();
            }
        }
    }

    /** Sends each generated row to its table's COPY and counts invoices for the progress bar. */
    private static final class Sink implements Consumer<CopyRow> {

        private final Map<Class<?>, TableCopy> copies;
        private final ProgressBar bar;
        private long invoices;

        Sink(Map<Class<?>, TableCopy> copies, ProgressBar bar) {
            this.copies = copies;
            this.bar = bar;
        }

        @Override
        public void accept(CopyRow row) {
            try {
                copies.get(row.getClass()).add(row);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of " + row.getClass().getSimpleName() + " rows failed: "
                        + e.getMessage(), e);
            }
            if (row instanceof Rows.Invoice) {
                bar.update(++invoices);
            }
        }
    }

    private static void requireSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            result.next();
            if (!result.getBoolean(1)) {
                throw new IllegalStateException("the benchmarks need a superuser (--user): the load copies past "
                        + "row-level security and triggers, and the RLS-off baseline connects as a role that bypasses RLS");
            }
        }
    }

    private boolean alreadyLoaded(Connection connection, DataSetPlan plan) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet marker = statement.executeQuery("select scale, seed from baseline.data_set")) {
                if (marker.next()) {
                    if (marker.getString(1).equals(plan.scale().label()) && marker.getLong(2) == plan.seed()) {
                        progress.println("The database already holds the " + plan.scale().label() + " data set (seed "
                                + plan.seed() + "): using it as it is.");
                        return true;
                    }
                    throw new IllegalStateException("the database holds the " + marker.getString(1) + " data set (seed "
                            + marker.getLong(2) + "), not " + plan.scale().label() + " (seed " + plan.seed()
                            + "): give an empty database");
                }
            } catch (SQLException noMarker) {
                // 42P01, no baseline.data_set: nothing was loaded by the benchmarks yet.
                if (!"42P01".equals(noMarker.getSQLState())) {
                    throw noMarker;
                }
            }
            try (ResultSet users = statement.executeQuery("select exists (select from users)")) {
                users.next();
                if (users.getBoolean(1)) {
                    throw new IllegalStateException("the database already holds tenants the benchmarks did not load: "
                            + "give an empty (migrated or new) database, the benchmarks fill it with generated data");
                }
            }
        }
        return false;
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("select count(*) from public." + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        }
        return counts;
    }
}
