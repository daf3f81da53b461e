package io.invoicekit.rls.isolation;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.failure.TenantSwitchException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantContext;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.rls.isolation.Outcome.Count;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A tenant must never outlive its transaction: not on a pooled connection, whatever the work did,
 * not through set_config in autocommit or SET LOCAL outside a transaction, not past a rolled back
 * savepoint; and no work may switch tenant inside a transaction.
 */
final class SessionAttacks {

    private static final String POOL = "HikariCP pool of 1";
    private static final String TENANT = "current_tenant_id()";
    private static final String CURRENT_TENANT = "select public.current_tenant_id()::text";
    private static final int BORROWINGS = 300;

    private final DataSource application;
    private final TenantSigning signing;
    private final TwoTenants tenants;

    SessionAttacks(DataSource application, TenantSigning signing, TwoTenants tenants) {
        this.application = application;
        this.signing = signing;
        this.tenants = tenants;
    }

    List<Probe> probes() {
        return List.of(
                Probe.unseeded(BORROWINGS + " borrowings alternating A and B via TenantContext (1/3 throw, 1/5 SQL error)",
                        POOL,
                        Expected.count(0, "borrowings saw another or a leftover tenant"),
                        session -> alternateTenantsOnPool()),
                Probe.unseeded("seed defect: session-level set_config(..., false), then the next borrower reads",
                        POOL, Expected.value("A").because("leaks to the next borrower: why TenantContext never does it"),
                        session -> sessionLevelSettingOnPool()),
                Probe.unseeded("set_config(..., true) in autocommit, then the next statement's tenant", TENANT,
                        Expected.value("none"),
                        session -> {
                            session.connection().setAutoCommit(true);
                            session.tenant(tenants.mine().tenant());
                            return tenant(session);
                        }),
                Probe.unseeded("SET LOCAL outside a transaction, then the tenant", TENANT,
                        Expected.value("none").because("SET LOCAL only warns there"),
                        this::setLocalOutsideTransaction),
                Probe.unseeded("set tenant B in a savepoint, roll back to it, then the tenant", TENANT,
                        Expected.value(tenants.mine().name()),
                        session -> {
                            session.tenant(tenants.mine().tenant());
                            session.rows("savepoint probe");
                            session.tenant(tenants.other().tenant());
                            session.rows("rollback to savepoint probe");
                            return tenant(session);
                        }),
                Probe.unseeded("switch to tenant B inside tenant A's transaction through TenantContext", "TenantContext",
                        Expected.refused("TenantSwitchException"),
                        session -> switchTenantInsideTransaction()));
    }

    /** The tenant the policies see now, as A, B or none. */
    private Value tenant(Session session) throws SQLException {
        String tenant = session.text(CURRENT_TENANT);
        return new Value(tenant == null ? "none" : tenants.describe(tenant));
    }

    // HikariCP resets autocommit, isolation and the like on return, never settings: only the end of
    // the transaction can clear the tenant, and a pool of one hands every borrower the same session.
    // Work that ends in a commit only reads (the probe commits no row); work that rolls back first
    // gives its tenant a row, which it must then see alone.
    private Outcome alternateTenantsOnPool() {
        try (HikariDataSource pool = PoolOfOne.over(application)) {
            TenantContext context = TenantContext.of(pool, signing);
            DSLContext plain = DSL.using(pool, SQLDialect.POSTGRES);
            long violations = 0;
            for (int i = 0; i < BORROWINGS; i++) {
                TenantRows tenant = i % 2 == 0 ? tenants.mine() : tenants.other();
                violations += sawOnlyItsTenant(context, tenant, i) ? 0 : 1;
                violations += Seen.in(plain).equals(Seen.NOTHING) ? 0 : 1;
            }
            return new Count(violations, "of " + 2 * BORROWINGS + " borrowings saw another or a leftover tenant");
        }
    }

    /** Whether work for {@code tenant} saw only it; the work ends in a commit, an exception or an SQL error. */
    private static boolean sawOnlyItsTenant(TenantContext context, TenantRows tenant, int i) {
        String id = tenant.tenant().toString();
        try {
            return context.call(TenantId.of(tenant.tenant()), transaction -> {
                boolean rollsBack = i % 5 == 2 || i % 3 == 1;
                if (rollsBack) {
                    transaction.execute("insert into users (id, name, email) values (?, 'Probe tenant', 'tenant@example.com')",
                            tenant.tenant());
                }
                boolean onlyItsTenant = Seen.in(transaction).equals(new Seen(id, rollsBack ? id : null));
                if (i % 5 == 2) {
                    try {
                        transaction.execute("select 1 / 0");
                    } catch (DataAccessException e) {
                        throw new AbandonedWork(onlyItsTenant, e);
                    }
                }
                if (i % 3 == 1) {
                    throw new AbandonedWork(onlyItsTenant, null);
                }
                return onlyItsTenant;
            });
        } catch (AbandonedWork abandoned) {
            return abandoned.onlyItsTenant;
        }
    }

    /**
     * The tenant the policies see (null if none) and the ids of the users visible (null if none).
     */
    private record Seen(String tenant, String users) {
        static final Seen NOTHING = new Seen(null, null);

        static Seen in(DSLContext context) {
            return context.resultQuery(CURRENT_TENANT + ", (select string_agg(id::text, ',') from users)")
                    .fetchSingle(row -> new Seen(row.get(0, String.class), row.get(1, String.class)));
        }
    }

    /** Thrown out of tenant work to roll it back, carrying what the work saw before. */
    private static final class AbandonedWork extends RuntimeException {
        private final boolean onlyItsTenant;

        AbandonedWork(boolean onlyItsTenant, Throwable cause) {
            super("the work failed, roll back", cause);
            this.onlyItsTenant = onlyItsTenant;
        }
    }

    private Outcome sessionLevelSettingOnPool() {
        try (HikariDataSource pool = PoolOfOne.over(application)) {
            DSLContext plain = DSL.using(pool, SQLDialect.POSTGRES);
            plain.fetch("select set_config(?, ?, false)", signing.setting(),
                    signing.value(tenants.mine().tenant(), Instant.now()));
            String tenant = plain.fetchSingle(CURRENT_TENANT).get(0, String.class);
            return new Value(tenant == null ? "none" : tenants.describe(tenant));
        }
    }

    private Outcome setLocalOutsideTransaction(Session session) throws SQLException {
        session.connection().setAutoCommit(true);
        try (Statement statement = session.connection().createStatement()) {
            // A literal of the probe's own making: the seeds' string-built SET LOCAL, harmless here.
            statement.execute("set local " + signing.setting() + " = '"
                    + signing.value(tenants.mine().tenant(), Instant.now()) + "'");
            return tenant(session);
        }
    }

    private Outcome switchTenantInsideTransaction() {
        TenantContext context = TenantContext.of(application, signing);
        return context.call(TenantId.of(tenants.mine().tenant()), transaction ->
                context.call(TenantId.of(tenants.other().tenant()), inner -> new Value("switched to tenant B")));
    }
}
