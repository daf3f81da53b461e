package io.invoicekit.benchmarks.operations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.benchmarks.data.PeerSchema;
import io.invoicekit.benchmarks.peer.HibernatePeer;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.PooledDataSources;
import io.invoicekit.persistence.TenantTransaction;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.ConnectionSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state every benchmark class extends: the loaded database, the tenant, and the ways in its
 * variants take. Each class has one benchmark method, whose cases differ only in the way in:
 * <ul>
 *   <li>{@link #store}: our repositories, as the application role under row-level security, the
 *       tenant given as {@link #context} says;</li>
 *   <li>{@link #jdbc}: plain JDBC sending the SQL the repository sends, captured from it at setup
 *       ({@link #capture}), same role, tenant set the same way (the store's statement, signed or not
 *       as {@link #context} says);</li>
 *   <li>{@link #jdbcWithoutRls}: the same SQL as a superuser, who bypasses RLS: the explicit
 *       {@code user_id = ?} is the only tenant filter and no tenant is set;</li>
 *   <li>{@link #perRowPolicy}: the same SQL and role on copies of the tables (schema {@code
 *       baseline}, same indexes) whose policy is the seeds' {@code user_id =
 *       current_setting('app.user_id')::uuid}, without our {@code (select ...)} wrapping, the
 *       tenant set the seeds' way (the bare {@code app.user_id}: that policy reads nothing else);</li>
 *   <li>{@link #noIndexes}: the same SQL, role and tenant as {@link #jdbc} with index and bitmap
 *       scans disabled for the session: the plans the seeds' schema had before its indexes
 *       (sequential scans).</li>
 * </ul>
 * The tenant context ({@link #context}): {@code signed}, a token signed with the benchmarks' key
 * ({@value #KEY_ID}, created by the owner on first use), as a service gives it since V15; or
 * {@code unsigned}, the bare {@code app.user_id} of the release before. The database is put in
 * compatibility mode ({@code allow_unsigned_tenants}) so that both run on the same data in the
 * same JMH run; that mode changes nothing for a transaction with a token, whose verification
 * never reads the mode.
 * Sample time in microseconds: JMH reports the median and p99 besides the mean. The store's clock
 * is fixed to the data set's "today", so "overdue" finds the same invoices in every run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class BenchmarkDatabase {

    /** Enough connections for the 16 threads of the concurrency runs, each holding one. */
    private static final int POOL_SIZE = 20;
    private static final int SAMPLE_SIZE = 256;

    /**
     * Whose data: the largest tenant (Zipf rank 1, the worst case for per-tenant work) or the
     * median one (a typical tenant, a few hundred invoices at the large scale).
     */
    @Param({Parameters.LARGEST, Parameters.MEDIAN})
    public String tenant;

    /**
     * How the store and the JDBC floor give the database its tenant: {@code signed}, a token
     * {@code current_tenant_id()} verifies (HMAC-SHA256) at every call, or {@code unsigned}, the
     * bare {@code app.user_id} it takes in compatibility mode. The baselines that set no tenant or
     * set it the seeds' way measure the same in both; the report runs them signed only.
     */
    @Param({Parameters.SIGNED, Parameters.UNSIGNED})
    public String context;

    /** The id of the key the benchmarks sign their tenant tokens with. */
    static final String KEY_ID = "bench";
    // Read again by every fork (the owner reads the secret; the application role cannot), made once.
    private static final String KEY = "select coalesce((select k.key_id || ':' || encode(k.secret, 'hex') "
            + "from public.tenant_keys k where k.key_id = '" + KEY_ID + "' and k.retired_at is null), "
            + "public.create_tenant_key('" + KEY_ID + "'))";

    protected final Clock clock = Clock.fixed(DataSetPlan.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    protected DataSource application;
    protected InvoiceStore store;
    protected TenantSql jdbc;
    protected TenantSql jdbcWithoutRls;
    protected TenantSql perRowPolicy;
    protected TenantSql noIndexes;
    /** How {@link #store} and {@link #jdbc} give the tenant, as {@link #context} says. */
    protected TenantSigning signing;
    protected TenantId tenantId;
    /** The tenant's currency and tax rate: the generator gives each tenant one of each. */
    protected Currency currency;
    protected BigDecimal taxRate;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private HibernatePeer peer;
    private BenchmarkTarget target;
    private CapturedSql captured;

    @Setup(Level.Trial)
    public void connect() throws SQLException {
        connect(TargetHandOver.read());
    }

    /** The setup of {@link #connect()} on {@code target}: also run outside JMH, by {@link OutsideJmh}. */
    void connect(BenchmarkTarget target) throws SQLException {
        this.target = target;
        TenantKey key = tenantKey(target);
        signing = switch (context) {
            case Parameters.SIGNED -> TenantSigning.signed(key);
            case Parameters.UNSIGNED -> TenantSigning.unsigned();
            default -> throw new IllegalArgumentException("context must be signed or unsigned, was " + context);
        };
        application = pool(target.application(), config -> { });
        store = InvoiceStore.builder().dataSource(application).clock(clock).tenantSigning(signing).build();
        jdbc = TenantSql.asTheStore(application, signing);
        jdbcWithoutRls = TenantSql.withoutTenant(pool(target.owner(), config -> { }));
        perRowPolicy = TenantSql.asTheSeeds(pool(target.application(),
                config -> config.addDataSourceProperty("options", "-c search_path=baseline,public")));
        noIndexes = TenantSql.asTheStore(pool(target.application(), config -> config.addDataSourceProperty("options",
                "-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off")), signing);
        try (Connection owner = target.owner().connect()) {
            int tenants = ids(owner, "select user_id from baseline.tenants order by rank").size();
            int rank = switch (tenant) {
                case Parameters.LARGEST -> 1;
                case Parameters.MEDIAN -> (tenants + 1) / 2;
                default -> throw new IllegalArgumentException("tenant must be largest or median, was " + tenant);
            };
            tenantId = TenantId.of(ids(owner, "select user_id from baseline.tenants where rank = ?", rank).getFirst());
            Object[] terms = TenantSql.query(owner,
                    "select currency, tax_rate from invoices where user_id = ? limit 1", tenantUuid()).getFirst();
            currency = Currency.getInstance(((String) terms[0]).strip());
            taxRate = (BigDecimal) terms[1];
            prepare(owner);
        }
    }

    /**
     * The benchmarks' key, read or (on first use) created by the owner, and the database put in
     * compatibility mode, which accepts the unsigned context beside valid tokens.
     */
    static TenantKey tenantKey(BenchmarkTarget target) throws SQLException {
        try (Connection owner = target.owner().connect()) {
            TenantSql.update(owner, "call public.allow_unsigned_tenants()");
            return TenantKey.parse((String) TenantSql.query(owner, KEY).getFirst()[0]);
        }
    }

    /** Looks up what the benchmarks of a class need (sample ids of the tenant), as the owner. */
    protected void prepare(Connection owner) throws SQLException {
    }

    /** Takes away, as the owner, what the benchmarks of a class stored that would skew the others. */
    protected void cleanUp(Connection owner) throws SQLException {
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
        try (Connection owner = target.owner().connect()) {
            cleanUp(owner);
        } finally {
            if (peer != null) {
                peer.close();
            }
            pools.forEach(HikariDataSource::close);
        }
    }

    /**
     * The Hibernate peer on its own login and schema ({@link PeerSchema}), started when its variant
     * first runs: a session factory takes seconds to build, which the other variants need not wait for.
     */
    protected HibernatePeer peer() {
        if (peer == null) {
            try {
                peer = HibernatePeer.start(pool(PeerSchema.login(target.owner()), config -> { }), clock);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot log in as the Hibernate peer: " + e.getMessage(), e);
            }
        }
        return peer;
    }

    /**
     * The hand-written JDBC way in of a variant that only differs from the others in it: the
     * class's benchmark method sends the same SQL through whichever of them its variant names.
     */
    protected TenantSql sql(Variant variant) {
        return switch (variant) {
            case JDBC -> jdbc;
            case JDBC_WITHOUT_RLS -> jdbcWithoutRls;
            case PER_ROW_POLICY -> perRowPolicy;
            case NO_INDEXES -> noIndexes;
            default -> throw new IllegalArgumentException(variant + " is not one of the ways in that send the same SQL");
        };
    }

    /**
     * What the repository sends for {@code call} in this benchmark's tenant, recorded by running it
     * once through a store like {@link #store} (the same pool, clock and tenant signing): the SQL
     * the class's JDBC variants send ({@link #replay}). Its transaction is rolled back, so that a
     * write captured leaves the data as the benchmark found it.
     */
    protected CapturedSql capture(Function<TenantTransaction, ?> call) {
        captured = CapturedSql.capture(application, recording -> {
            InvoiceStore recorded = InvoiceStore.builder().dataSource(recording).clock(clock).tenantSigning(signing)
                    .build();
            try {
                recorded.inTenant(tenantId, tx -> {
                    call.apply(tx);
                    throw new RolledBack();
                });
            } catch (RolledBack expected) {
                // The call's statements are recorded; what they changed is undone.
            }
        });
        return captured;
    }

    /** Thrown out of a captured call, after it, to roll its transaction back. */
    private static final class RolledBack extends RuntimeException {

        RolledBack() {
            super("rolled back after capturing", null, false, false);
        }
    }

    /** What {@link #capture} recorded last at setup, or null: for {@link QueryPlans}. */
    CapturedSql captured() {
        return captured;
    }

    /**
     * {@code sql} sent through a variant's way in ({@link #sql}), each bound value that is a key
     * of {@code substitutions} replaced by its value; the rows it read.
     */
    protected List<Object[]> replay(Variant variant, CapturedSql sql, Map<?, ?> substitutions) {
        return sql(variant).inTransaction(tenantUuid(), tx -> variant == Variant.PER_ROW_POLICY
                ? sql.replayUnqualified(tx, substitutions) : sql.replay(tx, substitutions));
    }

    /** What a benchmark method throws for a variant it has no case for. */
    protected IllegalStateException notMeasured(Variant variant) {
        return new IllegalStateException(getClass().getSimpleName() + " has no case for " + variant
                + ": give it one, or leave it out of its " + Parameters.VARIANT + " parameter");
    }

    /** One invocation outside JMH, its preparation done (see {@link #nextInvocation}). */
    @FunctionalInterface
    interface Invocation {

        Object run() throws SQLException;
    }

    /**
     * The next invocation of the class's benchmark method outside JMH (see {@link OutsideJmh}),
     * with what JMH's state objects would have prepared for it done before it returns, so that
     * what is counted of the invocation is the benchmark's work alone; a class whose method takes
     * JMH state objects of its own overrides this.
     */
    Invocation nextInvocation() throws SQLException {
        Method benchmark = Arrays.stream(getClass().getMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .reduce((one, other) -> {
                    throw new IllegalStateException(getClass().getSimpleName() + " has more than one @Benchmark method");
                })
                .orElseThrow(() -> new IllegalStateException(getClass().getSimpleName() + " has no @Benchmark method"));
        return () -> {
            try {
                return benchmark.invoke(this);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(getClass().getSimpleName() + "." + benchmark.getName() + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call " + getClass().getSimpleName() + "." + benchmark.getName(),
                        e);
            }
        };
    }

    /** Runs {@code work} on a connection of the owner's of its own (auto-commit on), outside any tenant. */
    protected <T> T asOwner(SqlWork<T> work) throws SQLException {
        try (Connection owner = target.owner().connect()) {
            return work.run(owner);
        }
    }

    protected UUID tenantUuid() {
        return tenantId.value();
    }

    /** The ids a query returns, in order. */
    protected static List<UUID> ids(Connection connection, String sql, Object... parameters) throws SQLException {
        return TenantSql.query(connection, sql, parameters).stream().map(row -> (UUID) row[0]).toList();
    }

    /**
     * A sample of the tenant's ids in {@code table}, spread over the whole table (ordered by a
     * hash), so that the benchmarks do not read one hot row again and again.
     */
    protected List<UUID> sample(Connection owner, String table) throws SQLException {
        return ids(owner, "select id from " + table + " where user_id = ? order by md5(id::text) limit " + SAMPLE_SIZE,
                tenantUuid());
    }

    protected static <T> T anyOf(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private HikariDataSource pool(ConnectionSettings login, Consumer<HikariConfig> customizer) {
        HikariDataSource pool = PooledDataSources.hikari(login.jdbcUrl(), login.user(), login.password(), config -> {
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(1);
            customizer.accept(config);
        });
        pools.add(pool);
        return pool;
    }
}
