package io.invoicekit.benchmarks.peer;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.benchmarks.Scale;
import io.invoicekit.benchmarks.data.DataSetLoader;
import io.invoicekit.benchmarks.data.DataSetPlan;
import io.invoicekit.benchmarks.data.PeerSchema;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import io.invoicekit.persistence.PooledDataSources;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.TenantSigning;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A test class's database with the smoke-scale data set loaded (the peer schema with it), and both
 * ways to it: our store as the application role, signed tenant context, and the Hibernate peer as
 * its own login, each on a clock fixed to the data set's "today" as the benchmarks have it.
 */
final class PeerFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(DataSetPlan.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final long SEED = 20251027L;

    final InvoiceStore store;
    final HibernatePeer peer;
    final JdbcCounter peerStatements = new JdbcCounter();
    final ConnectionSettings peerLogin;
    private final ConnectionSettings owner;
    private final HikariDataSource pool;

    private PeerFixture(MigratedDatabase database) throws SQLException {
        owner = database.owner();
        new DataSetLoader(owner, database.applicationRole(), new PrintStream(OutputStream.nullOutputStream()))
                .load(DataSetPlan.of(Scale.SMOKE, SEED));
        store = InvoiceStore.builder().dataSource(database.applicationDataSource()).clock(CLOCK)
                .tenantSigning(TenantSigning.signed(TenantKey.parse(database.tenantKey()))).build();
        peerLogin = PeerSchema.login(owner);
        pool = PooledDataSources.hikari(peerLogin.jdbcUrl(), peerLogin.user(), peerLogin.password(),
                config -> config.setMaximumPoolSize(4));
        peer = HibernatePeer.start(peerStatements.wrap(pool), CLOCK);
    }

    static PeerFixture load(MigratedDatabase database) {
        try {
            return new PeerFixture(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the data set: " + e.getMessage(), e);
        }
    }

    /** The tenant of size rank {@code rank} (1 the largest). */
    UUID tenant(int rank) {
        return (UUID) query("select user_id from baseline.tenants where rank = ?", rank).getFirst()[0];
    }

    static TenantId ours(UUID tenant) {
        return TenantId.of(tenant);
    }

    /** A query as the owner, who sees every tenant's rows: for picking test data, never for checking results. */
    List<Object[]> query(String sql, Object... parameters) {
        try (Connection connection = owner.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[result.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    List<UUID> ids(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(row -> (UUID) row[0]).toList();
    }

    @Override
    public void close() {
        peer.close();
        pool.close();
    }
}
