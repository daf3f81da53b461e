package io.invoicekit.rls.isolation;

import io.invoicekit.testing.MigratedDatabase;
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
                    TenantTable.INVOICE_SERIES, TenantTable.INVOICES, TenantTable.LINE_ITEMS)) {
                table.insert(session, tenant.existingRow(table), "");
            }
            session.text("select issue_invoice(?, 0, null, date '2025-01-05')::text", tenant.invoice());
            for (TenantTable table : List.of(TenantTable.PAYMENTS, TenantTable.CREDIT_NOTES,
                    TenantTable.CREDIT_NOTE_LINES)) {
                table.insert(session, tenant.existingRow(table), "");
            }
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
     * Removes both tenants as the owner with purge_tenant, the one way issued invoices are deleted
     * (the retention period set to none).
     */
    @Override
    public void close() {
        for (TenantRows tenant : List.of(mine, other)) {
            try (Session session = Session.open(owner)) {
                session.rows("call purge_tenant(?, interval '0 days')", tenant.tenant());
                session.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not remove " + tenant.name() + " (" + tenant.tenant()
                        + ") from the test database: " + e.getMessage(), e);
            }
        }
    }
}
