package io.invoicekit.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;

/**
 * A HikariCP pool with defaults that suit {@link InvoiceStore}: every operation is one short
 * transaction with the tenant set by {@code set_config(..., true)}, so no session state survives
 * on a pooled connection and nothing needs resetting between borrowers.
 */
public final class PooledDataSources {

    private PooledDataSources() {
    }

    /**
     * A pool for the application role's login.
     *
     * <p>Defaults: 10 connections (PostgreSQL is fastest with few busy connections: about twice
     * the server's cores); a caller waits at most 5 s for one; connections are recycled after 30
     * minutes, before typical network idle timeouts; prepared statements are cached by the
     * driver. Tune further through {@link #hikari(String, String, String, Consumer)}.
     */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password) {
        return hikari(jdbcUrl, user, password, config -> { });
    }

    /** As {@link #hikari(String, String, String)}, with a last word on the configuration. */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password,
                                          Consumer<HikariConfig> customizer) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(requireNonNull(jdbcUrl, "jdbcUrl is null"));
        config.setUsername(requireNonNull(user, "user is null"));
        config.setPassword(password);
        config.setPoolName("invoicekit");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        config.setMaxLifetime(30 * 60_000);
        config.setAutoCommit(true);
        config.addDataSourceProperty("prepareThreshold", "3");
        config.addDataSourceProperty("ApplicationName", "invoicekit");
        customizer.accept(config);
        return new HikariDataSource(config);
    }
}
