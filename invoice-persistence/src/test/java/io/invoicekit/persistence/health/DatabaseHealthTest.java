package io.invoicekit.persistence.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.ScratchDatabaseExtension;
import io.invoicekit.testing.ScratchDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check of the health report fires on a database weakened the way it looks for, and stays
 * quiet on a freshly migrated one.
 */
@ExtendWith(ScratchDatabaseExtension.class)
class DatabaseHealthTest {

    private static final String TENANT = "'00000000-0000-0000-0000-0000000000a1'";
    private static final String CLIENT = "'00000000-0000-0000-0000-0000000000c1'";
    private static final String[] ONE_TENANT = {
            "INSERT INTO users (id, name, email) VALUES (" + TENANT + ", 'Ada', 'ada@example.com'),"
                    + " ('00000000-0000-0000-0000-0000000000a2', 'Ada', 'ada2@example.com')",
            "INSERT INTO clients (user_id, id, name, email) VALUES (" + TENANT + ", " + CLIENT + ", 'Acme', 'billing@acme.example')"};

    private final ScratchDatabases databases;

    DatabaseHealthTest(ScratchDatabases databases) {
        this.databases = databases;
    }

    /**
     * @param check     the check that should fire
     * @param weakening what is done to a migrated copy, as its owner
     * @param status    what the check then says
     * @param item      a line it lists
     */
    record Weakening(String check, List<String> weakening, Status status, String item) {
        @Override
        public String toString() {
            return check + " " + status;
        }
    }

    static Stream<Weakening> weakenings() {
        return Stream.of(
                // The latest migration taken out of the history: it is pending again.
                new Weakening("migrations", List.of("DELETE FROM flyway_schema_history"
                                + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)"),
                        Status.WARN, ": Pending"),
                new Weakening("migrations", List.of("UPDATE flyway_schema_history SET success = false WHERE version = '7'"),
                        Status.FAIL, "V7 row level security: Failed"),
                new Weakening("migrations", List.of("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'"),
                        Status.FAIL, "3 integrity constraints"),
                new Weakening("invalid indexes", withTenant(
                        "CREATE UNIQUE INDEX CONCURRENTLY users_name_once ON users (name)"), Status.FAIL, "users_name_once on users"),
                new Weakening("not valid constraints", List.of(
                        "ALTER TABLE clients ADD CONSTRAINT clients_name_short CHECK (length(name) < 100) NOT VALID"),
                        Status.FAIL, "clients_name_short on clients"),
                new Weakening("row-level security", List.of("ALTER TABLE invoices NO FORCE ROW LEVEL SECURITY"),
                        Status.FAIL, "invoices"),
                new Weakening("row-level security", List.of("CALL allow_unsigned_tenants()"),
                        Status.FAIL, "UNSIGNED_TENANTS_ALLOWED tenant_context_mode: compatibility mode since"),
                new Weakening("duplicate invoice numbers", withTenant(
                        "ALTER TABLE invoices DROP CONSTRAINT invoices_number_unique_per_tenant",
                        invoice("'00000000-0000-0000-0000-0000000000f1'"),
                        invoice("'00000000-0000-0000-0000-0000000000f2'")),
                        Status.FAIL, "00000000-0000-0000-0000-0000000000a1 INV-000001 x2"),
                new Weakening("unused indexes", List.of("CREATE INDEX services_currency_idx ON services (currency)"),
                        Status.WARN, "services_currency_idx on services"),
                new Weakening("duplicate indexes", List.of(
                        "CREATE INDEX invoices_status_again_idx ON invoices (user_id, status, issue_date)"),
                        Status.WARN, "invoices: invoices_status_again_idx, invoices_user_status_idx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weakenings")
    void a_check_fires_on_a_database_weakened_the_way_it_looks_for(Weakening weakening) {
        MigratedDatabase database = databases.migrated();
        asOwner(database.owner(), weakening.weakening());

        Check check = report(database, HealthThresholds.defaults()).check(weakening.check()).orElseThrow();

        assertThat(check.status()).as(check.toString()).isEqualTo(weakening.status());
        assertThat(check.items()).anySatisfy(item -> assertThat(item).contains(weakening.item()));
    }

    @Test
    void a_freshly_migrated_database_fails_no_check() {
        HealthReport report = report(databases.migrated(), HealthThresholds.defaults());

        assertThat(report.checks()).extracting(Check::name).containsExactly("migrations", "invalid indexes",
                "not valid constraints", "row-level security", "duplicate invoice numbers", "unused indexes",
                "duplicate indexes", "table and index sizes", "cache hit ratio", "connections", "slowest statements");
        assertThat(report.checks()).filteredOn(check -> !check.name().equals("unused indexes")
                        && !check.name().equals("slowest statements"))
                .allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(Status.OK));
        assertThat(report.overall()).isNotEqualTo(Status.FAIL);
        assertThat(report.check("table and index sizes").orElseThrow().items())
                .anySatisfy(item -> assertThat(item).startsWith("invoices: table"));
    }

    @Test
    void unique_and_primary_key_indexes_are_never_reported_unused() {
        Check unused = report(databases.migrated(), HealthThresholds.defaults()).check("unused indexes").orElseThrow();

        assertThat(unused.items()).noneMatch(item -> item.startsWith("invoices_pkey")
                || item.startsWith("invoices_number_unique_per_tenant"));
    }

    @Test
    void duplicate_invoice_numbers_are_not_available_to_a_role_that_row_level_security_restricts() {
        MigratedDatabase database = databases.migrated();

        Check duplicates = DatabaseHealth.of(database.applicationDataSource(), database.applicationRole()).report()
                .check("duplicate invoice numbers").orElseThrow();

        assertThat(duplicates.status()).isEqualTo(Status.NOT_AVAILABLE);
        assertThat(duplicates.detail()).contains("runs as " + database.application().user()).contains("BYPASSRLS");
    }

    @Test
    void a_cache_hit_ratio_below_the_minimum_is_reported() {
        MigratedDatabase database = databases.migrated();
        // Larger than a quarter of shared_buffers, so that a scan reads through a small ring of
        // buffers and every later scan reads from disk (or the OS cache) again.
        asOwner(database.owner(), List.of(
                "CREATE TABLE filler AS SELECT g, repeat('x', 400) AS padding FROM generate_series(1, 120000) g",
                "SELECT count(*) FROM filler"));

        Check cache = report(database, new HealthThresholds(1.0, 0.8, Duration.ofMillis(100), 10))
                .check("cache hit ratio").orElseThrow();

        assertThat(cache.status()).as(cache.detail()).isEqualTo(Status.WARN);
    }

    @Test
    void connections_above_the_maximum_share_are_reported() {
        Check connections = report(databases.migrated(), new HealthThresholds(0.99, 0.0, Duration.ofMillis(100), 10))
                .check("connections").orElseThrow();

        assertThat(connections.status()).isEqualTo(Status.WARN);
        assertThat(connections.detail()).contains("of max_connections");
    }

    @Test
    void slow_statements_are_listed_when_pg_stat_statements_is_installed() {
        MigratedDatabase database = databases.migrated();
        asOwner(database.owner(), List.of("CREATE EXTENSION pg_stat_statements", "SELECT pg_sleep(0.2)"));

        Check slow = report(database, HealthThresholds.defaults()).check("slowest statements").orElseThrow();

        assertThat(slow.status()).isEqualTo(Status.WARN);
        assertThat(slow.items()).anySatisfy(item -> assertThat(item).contains("pg_sleep"));
    }

    @Test
    void slow_statements_are_not_available_without_pg_stat_statements() {
        Check slow = report(databases.migrated(), HealthThresholds.defaults()).check("slowest statements").orElseThrow();

        assertThat(slow.status()).isEqualTo(Status.NOT_AVAILABLE);
        assertThat(slow.detail()).contains("shared_preload_libraries").contains("CREATE EXTENSION pg_stat_statements");
    }

    private static HealthReport report(MigratedDatabase database, HealthThresholds thresholds) {
        return DatabaseHealth.of(database.ownerDataSource(), database.applicationRole()).withThresholds(thresholds).report();
    }

    private static List<String> withTenant(String... statements) {
        List<String> all = new ArrayList<>(List.of(ONE_TENANT));
        all.addAll(List.of(statements));
        return all;
    }

    private static String invoice(String id) {
        return "INSERT INTO invoices (user_id, id, client_id, invoice_number, currency, issue_date, due_date)"
                + " VALUES (" + TENANT + ", " + id + ", " + CLIENT + ", 'INV-000001', 'EUR', date '2025-01-01', date '2025-01-31')";
    }

    /** Runs each statement as the owner; a failing one is part of the weakening (a failed index build). */
    private static void asOwner(ConnectionSettings owner, List<String> statements) {
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException expectedForFailedBuilds) {
                    if (!sql.startsWith("CREATE UNIQUE INDEX CONCURRENTLY")) {
                        throw expectedForFailedBuilds;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
