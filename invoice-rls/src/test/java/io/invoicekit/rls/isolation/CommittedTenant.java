package io.invoicekit.rls.isolation;

import io.invoicekit.testing.MigratedDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Tenants with committed rows in every table of ours, as real customers have them, analysed by the
 * owner so that planner statistics hold their values: what the attacks that reach only committed
 * rows (a fresh session's reads, EXPLAIN) aim at. Two of them, so that a value they share repeats
 * and becomes one of the most common values wherever statistics are gathered. Only for a test
 * database of the test's own: they are never removed.
 */
final class CommittedTenant {

    private CommittedTenant() {
    }

    /** Commits tenants C and D; C's id. */
    static UUID create(MigratedDatabase database) throws SQLException {
        TenantRows tenant = TenantRows.random("C");
        for (TenantRows committed : List.of(tenant, TenantRows.random("D"))) {
            // One transaction per tenant: the totals check at commit reads the tenant set then.
            try (Session session = Session.open(database.applicationDataSource(), ServiceKey.signing(database))) {
                TwoTenants.seed(session, committed);
                session.commit();
            }
        }
        try (Session owner = Session.open(database.ownerDataSource(), ServiceKey.OWNER)) {
            owner.connection().setAutoCommit(true);
            for (TenantTable table : TenantTable.values()) {
                owner.rows("analyze " + table.table());
            }
        }
        return tenant.tenant();
    }
}
