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
 * <p>Tenant A ({@link #mine()}) is the attacker; tenant B ({@link #other()}) the victim. Each has a
 * sent invoice with one line and a pending payment, and an empty draft, all stored the way the
 * application stores them: the database numbers the invoices, the lifecycle function sends one.
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
                TenantRows.random("A"), TenantRows.random("B"));
        try {
            tenants.seed(database.applicationDataSource(), tenants.mine);
            tenants.seed(database.applicationDataSource(), tenants.other);
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

    private void seed(DataSource application, TenantRows tenant) throws SQLException {
        try (Session session = Session.open(application)) {
            session.tenant(tenant.tenant());
            for (TenantTable table : List.of(TenantTable.USERS, TenantTable.CLIENTS, TenantTable.SERVICES,
                    TenantTable.INVOICES, TenantTable.LINE_ITEMS)) {
                table.insert(session, tenant.existingRow(table), "");
            }
            session.text("select change_invoice_status(?, 0, 'sent')::text", tenant.invoice());
            TenantTable.PAYMENTS.insert(session, tenant.existingRow(TenantTable.PAYMENTS), "");
            session.rows("""
                    insert into invoices (user_id, id, client_id, currency, issue_date, due_date)
                    values (?, ?, ?, 'EUR', date '2025-02-01', date '2025-03-01')""",
                    tenant.tenant(), tenant.draft(), tenant.client());
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
     * a superuser, and the application role may delete neither users nor invoices. Payments first,
     * because they restrict deleting their invoice, then invoices, which take their lines with
     * them (a sent invoice's lines cannot be deleted on their own) and restrict deleting their
     * client; deleting the tenant cascades to the rest.
     */
    @Override
    public void close() {
        for (TenantRows tenant : List.of(mine, other)) {
            try (Session session = Session.open(owner)) {
                session.tenant(tenant.tenant());
                for (String table : List.of("payments", "invoices")) {
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
