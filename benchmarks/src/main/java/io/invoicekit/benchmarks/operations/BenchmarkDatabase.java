package io.invoicekit.benchmarks.operations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.PooledDataSources;
import io.invoicekit.testing.ConnectionSettings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
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
 * The state every benchmark class extends: the loaded database, the tenant, and one way in per
 * variant, so that a class's benchmark methods differ only in the way in they take:
 * <ul>
 *   <li>{@link #store}: our repositories, as the application role under row-level security;</li>
 *   <li>{@link #jdbc}: hand-written JDBC with the repository's SQL, same role, tenant set the same way;</li>
 *   <li>{@link #jdbcWithoutRls}: the same SQL as a superuser, who bypasses RLS: the explicit
 *       {@code user_id = ?} is the only tenant filter and no tenant is set;</li>
 *   <li>{@link #perRowPolicy}: the same SQL, role and tenant on copies of the tables (schema
 *       {@code baseline}, same indexes) whose policy is the seeds' {@code user_id =
 *       current_setting('app.user_id')::uuid}, without our {@code (select ...)} wrapping;</li>
 *   <li>{@link #noIndexes}: the same SQL, role and tenant with index and bitmap scans disabled for
 *       the session: the plans the seeds' schema had before its indexes (sequential scans).</li>
 * </ul>
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
    @Param({"largest", "median"})
    public String tenant;

    protected final Clock clock = Clock.fixed(DataSetPlan.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    protected DataSource application;
    protected InvoiceStore store;
    protected TenantSql jdbc;
    protected TenantSql jdbcWithoutRls;
    protected TenantSql perRowPolicy;
    protected TenantSql noIndexes;
    protected TenantId tenantId;
    /** The tenant's currency and tax rate: the generator gives each tenant one of each. */
    protected Currency currency;
    protected BigDecimal taxRate;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private BenchmarkTarget target;

    @Setup(Level.Trial)
    public void connect() throws SQLException {
        target = BenchmarkTarget.fromSystemProperties();
        application = pool(target.application(), config -> { });
        store = InvoiceStore.builder().dataSource(application).clock(clock).build();
        jdbc = new TenantSql(application, true);
        jdbcWithoutRls = new TenantSql(pool(target.owner(), config -> { }), false);
        perRowPolicy = new TenantSql(pool(target.application(),
                config -> config.addDataSourceProperty("options", "-c search_path=baseline,public")), true);
        noIndexes = new TenantSql(pool(target.application(), config -> config.addDataSourceProperty("options",
                "-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off")), true);
        try (Connection owner = target.owner().connect()) {
            int tenants = ids(owner, "select user_id from baseline.tenants order by rank").size();
            int rank = switch (tenant) {
                case "largest" -> 1;
                case "median" -> (tenants + 1) / 2;
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
            pools.forEach(HikariDataSource::close);
        }
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
