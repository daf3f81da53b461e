package io.invoicekit.rls.isolation;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantContext;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * SQL that a member of the application role may run (a bug, an injection), aimed around row-level
 * security: objects of its session standing in for ours inside our functions (here and for the
 * next borrower of a pooled connection), and planner statistics read through EXPLAIN as an oracle
 * for other tenants' values. What it may do to its own tenant's derived state is
 * {@link DerivedStateAttacks}.
 */
final class HostileRoleAttacks {

    private static final String POOL = "HikariCP pool of 1";

    private final DataSource application;
    private final TenantSigning signing;
    private final TenantRows mine;
    private final Optional<UUID> committed;
    // The pooled payment's victim writes in a session of its own: a tenant of its own, so that the
    // seeded session's uncommitted rows of B never hold it in a lock wait.
    private final TenantRows pooledVictim = TenantRows.random("B");

    HostileRoleAttacks(DataSource application, TenantSigning signing, TwoTenants tenants, Optional<UUID> committed) {
        this.application = application;
        this.signing = signing;
        this.mine = tenants.mine();
        this.committed = committed;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>(List.of(
                Probe.as(mine, "create a temporary table named like ours (shadows it in unpinned functions)",
                        "database TEMP", Expected.refused("42501"),
                        session -> {
                            session.rows("create temp table invoices (like public.invoices)");
                            return new Value("created");
                        }),
                Probe.unseeded("A leaves a temp invoices table and search_path on the connection; "
                        + "B's completed payment then moves B's invoice", POOL,
                        Expected.value("amount paid 1.00"),
                        session -> paymentAfterLeftovers())));
        // Statistics come from committed rows only: the probe's own tenants never reach them.
        committed.ifPresent(tenant -> {
            for (TenantTable table : TenantTable.values()) {
                probes.add(Probe.as(mine, "EXPLAIN plan tells a committed tenant's key from an invented one",
                        table.table(), Expected.value("the same plan"),
                        session -> samePlan(session, "select * from " + table.table() + " where " + table.tenantKey()
                                + " = ?::uuid", tenant.toString(), UUID.randomUUID().toString())));
            }
            probes.add(Probe.as(mine, "EXPLAIN plan tells a stored description from an invented one", "line_items",
                    Expected.value("the same plan"),
                    session -> samePlan(session, "select * from line_items where description = ?",
                            "Probe line", "invented " + UUID.randomUUID())));
            // A window of client@example.com (its clients' email; one that the plan's own text has not,
            // since the value is masked in it) against one that no text of the probe has.
            probes.add(Probe.as(mine, "EXPLAIN plan tells a stored client search window from an invented one",
                    "client_search_trigrams", Expected.value("the same plan"),
                    session -> samePlan(session, "select * from client_search_trigrams where trigram = ?", "xam",
                            "\u2603\u2603\u2603")));
        });
        return probes;
    }

    /**
     * EXPLAIN runs the planner without the rows: under row-level security its estimates come from
     * statistics of every tenant's rows, so a plan (rows, costs) that differs between a real value
     * and an invented one says that the value exists somewhere.
     */
    private static Outcome samePlan(Session session, String query, String real, String invented)
            throws SQLException {
        String forReal = plan(session, query, real);
        String forInvented = plan(session, query, invented);
        return new Value(forReal.equals(forInvented) ? "the same plan" : "plans differ: " + forReal + " / " + forInvented);
    }

    /** The plan of {@code query} for {@code value} (EXPLAIN takes no bind parameters: a literal), value masked. */
    private static String plan(Session session, String query, String value) throws SQLException {
        String literal = "'" + value.replace("'", "''") + "'";
        String plan = session.text("explain (format json) " + query.replace("?", literal));
        return plan.replace(value, "?").replaceAll("\\s+", " ");
    }

    /**
     * On a pool of one, tenant A's work tries to leave a temporary table named invoices (for an
     * unqualified name in an unpinned payment trigger to find) and a search_path that puts pg_temp
     * first; tenant B then, through TenantContext on the same connection, seeds its rows, records a
     * completed payment of 1.00 on its sent invoice and reads its amount paid. B's work is rolled back.
     */
    private Outcome paymentAfterLeftovers() {
        try (HikariDataSource pool = PoolOfOne.over(application)) {
            TenantContext context = TenantContext.of(pool, signing);
            context.run(TenantId.of(mine.tenant()), transaction -> {
                tryToLeave(transaction, "create temp table if not exists invoices (like public.invoices)");
                tryToLeave(transaction, "set search_path = pg_temp, public");
            });
            try {
                return context.call(TenantId.of(pooledVictim.tenant()), transaction -> {
                    transaction.connection(connection -> TwoTenants.seed(Session.borrowing(connection, signing), pooledVictim));
                    transaction.execute("""
                            insert into payments (user_id, id, invoice_id, currency, amount, method, status, payment_date)
                            values (?, ?, ?, 'EUR', 1.00, 'card', 'completed', date '2025-01-03')""",
                            pooledVictim.tenant(), UUID.randomUUID(), pooledVictim.invoice());
                    BigDecimal paid = transaction.fetchSingle(
                            "select amount_paid from public.invoices where user_id = ? and id = ?",
                            pooledVictim.tenant(), pooledVictim.invoice()).get(0, BigDecimal.class);
                    throw new RolledBack(new Value("amount paid " + paid));
                });
            } catch (RolledBack rolledBack) {
                return rolledBack.outcome;
            }
        }
    }

    /** Runs {@code sql} in a savepoint, so that a refusal leaves the work's transaction usable. */
    private static void tryToLeave(DSLContext transaction, String sql) {
        transaction.execute("savepoint leftover");
        try {
            transaction.execute(sql);
            transaction.execute("release savepoint leftover");
        } catch (DataAccessException refused) {
            transaction.execute("rollback to savepoint leftover");
        }
    }

    /** Thrown out of tenant work to roll it back, carrying what the work saw. */
    private static final class RolledBack extends RuntimeException {
        private final transient Outcome outcome;

        RolledBack(Outcome outcome) {
            super("roll back the probe's payment");
            this.outcome = outcome;
        }
    }
}
