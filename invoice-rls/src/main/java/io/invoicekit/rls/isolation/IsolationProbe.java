package io.invoicekit.rls.isolation;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * Proves that a database keeps its tenants apart, by attacking it as the application role: every
 * attack runs in a session of a LOGIN member of that role, against two tenants of random ids that
 * exist only inside that session's transaction, which is never committed (each attack in a
 * savepoint of it, rolled back after; attacks on a session's start or on what is committed in
 * sessions of their own). So it runs on any database, production included, and leaves no row
 * behind (and no sequence moved).
 *
 * <p>The tenant tables are discovered from the catalog: the tenants table and every table of the
 * schema with the tenant column. Tables the probe knows only from the catalog (a service's own) get
 * attacks built from it ({@link GenericAttacks}); this project's own tables get richer, hand-written
 * ones as well: their derived state (numbers, status, amounts, totals, issued documents, payments,
 * the audit trail), the pooled connection, the hostile role's side doors.
 *
 * <pre>{@code
 * IsolationReport report = IsolationProbe.builder(applicationLogin).tenantKey(serviceKey).build().run();
 * System.out.print(report.table());
 * }</pre>
 */
public final class IsolationProbe {

    private final DataSource application;
    private final TenantSigning signing;
    private final Optional<TenantKey> tenantKey;
    private final Optional<TenantKey> retiredKey;
    private final TenantSchema schema;
    private final TwoTenants tenants;
    private final List<CatalogTable> tables;
    private final List<CatalogTable> catalogOnly;
    private final CatalogSeeds catalogSeeds;
    private final boolean ours;
    private final List<Probe> probes;

    private IsolationProbe(Builder builder) {
        this.application = builder.application;
        this.tenantKey = builder.tenantKey;
        this.retiredKey = builder.retiredKey;
        this.signing = builder.tenantKey.map(TenantSigning::signed)
                .orElseGet(() -> new TenantSigning.Unsigned(builder.tenantSetting));
        this.schema = new TenantSchema(builder.schema, builder.tenantColumn, builder.tenantSetting,
                builder.tenantsTable, builder.tenantsKey);
        this.tenants = TwoTenants.random();
        try (Session session = Session.open(application, signing)) {
            this.tables = CatalogTable.discover(session, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog as the application login: " + message(e), e);
        }
        if (schema.isInvoicekit()) {
            requireTenantsTaken();
        }
        Set<String> known = Arrays.stream(TenantTable.values()).map(TenantTable::table).collect(Collectors.toSet());
        this.ours = schema.isInvoicekit()
                && tables.stream().map(CatalogTable::label).collect(Collectors.toSet()).containsAll(known);
        this.catalogOnly = tables.stream().filter(table -> !ours || !known.contains(table.label())).toList();
        this.catalogSeeds = new CatalogSeeds(catalogOnly, schema);
        this.probes = probes(builder.committedTenant);
    }

    /**
     * Refuses a probe whose tenants the database would not take: set as the probe sets them (signed
     * with its key, or unsigned), a random tenant must be the transaction's ({@code tenant_refusal()},
     * V15; a schema before it takes any tenant).
     */
    private void requireTenantsTaken() {
        try (Session session = Session.open(application, signing)) {
            if (session.text("select to_regprocedure('public.tenant_refusal()')::text") == null) {
                return;
            }
            session.tenant(UUID.randomUUID());
            String reason = session.text("select public.tenant_refusal()");
            if (reason != null) {
                throw new TenantsRefusedException(tenantKey
                        .map(key -> "the database takes no tenant signed with key " + key.id() + ": " + reason)
                        .orElse("without the service's tenant key the probe can seed no tenant: " + reason), reason);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database whether it takes the probe's tenants: "
                    + message(e), e);
        }
    }

    /** A probe that attacks as {@code applicationLogin}: a LOGIN member of the application role, never the owner. */
    public static Builder builder(DataSource applicationLogin) {
        return new Builder(applicationLogin);
    }

    private List<Probe> probes(Optional<UUID> committed) {
        List<List<Probe>> groups = new ArrayList<>();
        if (ours) {
            groups.add(new CrossTenantAttacks(tenants).probes());
            groups.add(new MissingTenantAttacks(tenants).probes());
            // Attacks that commit or write in sessions of their own get tenants of their own: the
            // seeded session's uncommitted keys would hold their inserts in a lock wait.
            groups.add(new SessionAttacks(application, signing, TwoTenants.random()).probes());
            groups.add(new InjectionAttacks(signing).probes());
            groups.add(new HostileRoleAttacks(application, signing, tenants, committed).probes());
            groups.add(new DerivedStateAttacks(tenants).probes());
            tenantKey.ifPresent(key -> groups.add(new SignedTenantAttacks(key, retiredKey, tenants).probes()));
        }
        groups.add(new CatalogAttacks(tables, tenants).probes());
        catalogOnly.forEach(table -> groups.add(new GenericAttacks(table, tenants).probes()));
        return groups.stream().flatMap(List::stream).toList();
    }

    /** How many attacks {@link #run} makes, for progress. */
    public int attacks() {
        return probes.size();
    }

    /** The tables attacked, as the catalog names them. */
    public List<String> tables() {
        return tables.stream().map(CatalogTable::label).toList();
    }

    /** Runs every attack; {@code progress} hears of each row of the report as it is observed. */
    public IsolationReport run(Consumer<IsolationReport.Row> progress) {
        List<IsolationReport.Row> rows = new ArrayList<>();
        try (SeededSession seeded = new SeededSession()) {
            for (Probe probe : probes) {
                Outcome outcome = probe.seeded() ? seeded.run(probe) : inFreshSession(probe);
                IsolationReport.Row row = IsolationReport.Row.of(new Observation(probe, outcome), tenants::describe);
                rows.add(row);
                progress.accept(row);
            }
        }
        return new IsolationReport(tables(), rows);
    }

    public IsolationReport run() {
        return run(row -> {
        });
    }

    List<Probe> probes() {
        return probes;
    }

    /** An unseeded probe, in a session of its own, which sees only what the database has committed. */
    private Outcome inFreshSession(Probe probe) {
        try (Session session = Session.open(application, signing)) {
            return attempt(probe, session);
        } catch (SQLException e) {
            return refused(e);
        }
    }

    /** Runs the probe's action; an error is what it observed. */
    private static Outcome attempt(Probe probe, Session session) {
        try {
            return probe.action().run(session);
        } catch (SQLException e) {
            return refused(e);
        } catch (RuntimeException e) {
            // The Java API's refusals (TenantSwitchException, ValidationException) come this way.
            return new Outcome.Refused(e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static Outcome refused(SQLException e) {
        return new Outcome.Refused(Objects.requireNonNullElse(e.getSQLState(), "no SQLSTATE"), message(e));
    }

    /**
     * One session whose transaction holds both tenants' seeded rows, never committed; each seeded
     * probe runs in a savepoint of it, rolled back after, so that every probe finds the rows as
     * seeded (seeding once instead of per probe is what keeps a run within seconds). A session that
     * breaks is replaced by a freshly seeded one.
     */
    private final class SeededSession implements AutoCloseable {

        private Session session;

        Outcome run(Probe probe) {
            try {
                if (session == null) {
                    session = Session.open(application, signing);
                    seed(session);
                }
                session.rows("savepoint isolation_probe");
            } catch (SQLException e) {
                close();
                return refused(e);
            }
            Outcome outcome = attempt(probe, session);
            try {
                session.rows("rollback to savepoint isolation_probe");
            } catch (SQLException e) {
                close();
            }
            return outcome;
        }

        @Override
        public void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (SQLException e) {
                    // The session is gone either way; its transaction was never committed.
                }
                session = null;
            }
        }
    }

    /** Both tenants' rows, B's first, each under its own tenant; A stays set. */
    private void seed(Session session) throws SQLException {
        SeededRows seeded = new SeededRows();
        for (TenantRows tenant : List.of(tenants.other(), tenants.mine())) {
            if (ours) {
                TwoTenants.seed(session, tenant);
            } else {
                session.tenant(tenant.tenant());
            }
            catalogSeeds.seed(session, tenant.tenant(), seeded);
        }
        session.seeded(seeded);
    }

    static String message(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()).lines().findFirst().orElse("");
    }

    /** Where the tenants live, for schemas other than this project's; the defaults are its own. */
    public static final class Builder {

        private final DataSource application;
        private String schema = TenantSchema.INVOICEKIT.schema();
        private String tenantColumn = TenantSchema.INVOICEKIT.tenantColumn();
        private String tenantSetting = TenantSchema.INVOICEKIT.tenantSetting();
        private String tenantsTable = TenantSchema.INVOICEKIT.tenantsTable();
        private String tenantsKey = TenantSchema.INVOICEKIT.tenantsKey();
        private Optional<UUID> committedTenant = Optional.empty();
        private Optional<TenantKey> tenantKey = Optional.empty();
        private Optional<TenantKey> retiredKey = Optional.empty();

        private Builder(DataSource application) {
            this.application = Objects.requireNonNull(application, "application login is null");
        }

        /** The schema whose tables are attacked (default {@code public}). */
        public Builder schema(String name) {
            this.schema = Objects.requireNonNull(name, "schema is null");
            return this;
        }

        /** The column that holds the tenant in every tenant-owned table (default {@code user_id}). */
        public Builder tenantColumn(String column) {
            this.tenantColumn = Objects.requireNonNull(column, "tenant column is null");
            return this;
        }

        /** The setting the policies read the tenant from (default {@code app.user_id}). */
        public Builder tenantSetting(String setting) {
            this.tenantSetting = Objects.requireNonNull(setting, "tenant setting is null");
            return this;
        }

        /** The table with a row per tenant, and its key column (default {@code users}, {@code id}). */
        public Builder tenantsTable(String table, String keyColumn) {
            this.tenantsTable = Objects.requireNonNull(table, "tenants table is null");
            this.tenantsKey = Objects.requireNonNull(keyColumn, "tenants key column is null");
            return this;
        }

        /**
         * A tenant with committed rows (a real customer's, say) for the attacks that need rows of
         * another tenant that exist outside the probe's transaction: planner statistics read
         * through EXPLAIN, which only committed rows reach.
         */
        public Builder committedTenant(UUID tenant) {
            this.committedTenant = Optional.of(Objects.requireNonNull(tenant, "committed tenant is null"));
            return this;
        }

        /**
         * The service's key, for a database that requires signed tenant tokens: the probe then sets
         * its tenants as the service does, and attacks the tokens too. Without one it sets the
         * tenant setting unsigned, as a database in compatibility mode (or a service's own schema)
         * takes it.
         */
        public Builder tenantKey(TenantKey key) {
            this.tenantKey = Optional.of(Objects.requireNonNull(key, "tenant key is null"));
            return this;
        }

        /**
         * A key the database has retired (after a rotation), for the attack with a token signed by
         * it; without one that attack is left out.
         */
        public Builder retiredTenantKey(TenantKey key) {
            this.retiredKey = Optional.of(Objects.requireNonNull(key, "retired tenant key is null"));
            return this;
        }

        /**
         * Reads the catalog as the application login; throws {@link IllegalStateException} if it
         * cannot, and a {@link TenantsRefusedException} if the database would give the probe's
         * tenants none (a signed database without the service's key, or with a key it does not take).
         */
        public IsolationProbe build() {
            return new IsolationProbe(this);
        }
    }
}
