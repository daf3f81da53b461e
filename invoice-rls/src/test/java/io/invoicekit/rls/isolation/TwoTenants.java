package io.invoicekit.rls.isolation;

import io.invoicekit.testdb.MigratedDatabase;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two tenants, each with one row in every tenant-owned table, made through the application role
 * (each under its own tenant) and removed by {@link #close()}. Their ids are random, so they can
 * live in a database that other tests and other data share.
 *
 * <p>Tenant A ({@link #mine()}) is the attacker; tenant B ({@link #other()}) the victim, whose
 * invoice number (INV-000002) tenant A does not have, so that reusing it is a real probe.
 */
public final class TwoTenants implements AutoCloseable {

    private final DataSource owner;
    private final TenantRows mine;
    private final TenantRows other;

    private TwoTenants(DataSource owner, TenantRows mine, TenantRows other) {
        this.owner = owner;
        this.mine = mine;
        this.other = other;
    }

    /** Creates both tenants, then has the owner ANALYZE their tables, so that pg_stats has values to leak. */
    public static TwoTenants create(MigratedDatabase database) {
        TwoTenants tenants = new TwoTenants(database.ownerDataSource(),
                TenantRows.random("A", "INV-000001"), TenantRows.random("B", "INV-000002"));
        try {
            tenants.seed(database.applicationDataSource(), tenants.mine, 1);
            tenants.seed(database.applicationDataSource(), tenants.other, 2);
            tenants.analyze();
            return tenants;
        } catch (SQLException e) {
            IllegalStateException failure =
                    new IllegalStateException("could not create the probe's tenants: " + e.getMessage(), e);
            try {
                tenants.close();
            } catch (IllegalStateException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    public TenantRows mine() {
        return mine;
    }

    public TenantRows other() {
        return other;
    }

    /** {@code text} with the tenants' ids replaced by their names (A, B), for the report. */
    public String describe(String text) {
        return text.replace(mine.tenant().toString(), mine.name()).replace(other.tenant().toString(), other.name());
    }

    private void seed(DataSource application, TenantRows tenant, int numbers) throws SQLException {
        try (Session session = Session.open(application)) {
            session.tenant(tenant.tenant());
            TenantTable.USERS.insert(session, tenant.existingRow(TenantTable.USERS), "");
            // The counter is the numbering function's: it allocates INV-000001, INV-000002, ...
            for (int i = 0; i < numbers; i++) {
                session.text("select get_next_invoice_number(?)", tenant.tenant());
            }
            for (TenantTable table : List.of(TenantTable.CLIENTS, TenantTable.SERVICES, TenantTable.INVOICES,
                    TenantTable.LINE_ITEMS, TenantTable.PAYMENTS)) {
                table.insert(session, tenant.existingRow(table), "");
            }
            session.commit();
        }
    }

    private void analyze() throws SQLException {
        try (Session session = Session.open(owner)) {
            session.connection().setAutoCommit(true);
            for (TenantTable table : TenantTable.values()) {
                session.rows("analyze " + table.table());
            }
        }
    }

    /**
     * Removes both tenants as the owner, under each tenant in turn: FORCE binds an owner that is not
     * a superuser, and the application role may not delete users. Children first, because invoices
     * restrict deleting their client and payments deleting their invoice; deleting the tenant
     * cascades to the rest.
     */
    @Override
    public void close() {
        for (TenantRows tenant : List.of(mine, other)) {
            try (Session session = Session.open(owner)) {
                session.tenant(tenant.tenant());
                for (String table : List.of("payments", "line_items", "invoices")) {
                    session.rows("delete from " + table + " where user_id = ?", tenant.tenant());
                }
                session.rows("delete from users where id = ?", tenant.tenant());
                session.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not remove " + tenant.name() + " (" + tenant.tenant()
                        + ") from the test database: " + e.getMessage(), e);
            }
        }
    }
}
