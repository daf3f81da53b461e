package io.invoicekit.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A HikariCP pool with defaults that suit {@link InvoiceStore}: every operation is one short
 * transaction with the tenant set by {@code set_config(..., true)}, so no session state survives
 * on a pooled connection and nothing needs resetting between borrowers; and every wait is bounded,
 * for a connection and, through {@link SessionTimeouts}, for locks, statements and idle
 * transactions.
 */
public final class PooledDataSources {

    private static final Pattern OPTIONS_PARAMETER = Pattern.compile("[?&]options=", Pattern.CASE_INSENSITIVE);

    private PooledDataSources() {
    }

    /**
     * A pool for the application role's login.
     *
     * <p>Defaults: 10 connections (PostgreSQL is fastest with few busy connections: about twice
     * the server's cores); a caller waits at most 5 s for one ({@code connectionTimeout}, waited
     * once: then a {@code DatabaseUnavailableException}); connections are recycled after 30
     * minutes, before typical network idle timeouts; prepared statements are cached by the
     * driver; every session starts with {@link SessionTimeouts#DEFAULT} (5 s for a lock, 30 s for a
     * statement, 60 s idle in a transaction). Tune through {@link #hikari(String, String, String,
     * SessionTimeouts, Consumer)}.
     */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password) {
        return hikari(jdbcUrl, user, password, SessionTimeouts.DEFAULT, config -> { });
    }

    /** As {@link #hikari(String, String, String)}, with a last word on the configuration. */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password,
                                          Consumer<HikariConfig> customizer) {
        return hikari(jdbcUrl, user, password, SessionTimeouts.DEFAULT, customizer);
    }

    /**
     * As {@link #hikari(String, String, String)}, with the sessions' {@code timeouts} and a last word
     * on the configuration ({@code customizer}, which may change the pool's {@code connectionTimeout}
     * among the rest).
     *
     * <p>Hazard: the timeouts travel in the driver's {@code options} property, which a URL parameter of
     * the same name would silently replace; a {@code jdbcUrl} with one is refused. Settings of other
     * kinds belong on the role ({@code ALTER ROLE ... SET}), where these override them.
     */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password, SessionTimeouts timeouts,
                                          Consumer<HikariConfig> customizer) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(timeouts, "timeouts is null");
        requireNonNull(customizer, "customizer is null");
        if (OPTIONS_PARAMETER.matcher(jdbcUrl).find()) {
            throw new IllegalArgumentException("jdbcUrl must not carry an options parameter: it would replace the "
                    + "session timeouts (" + timeouts.startupOptions() + "); give them as SessionTimeouts, was "
                    + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(requireNonNull(user, "user is null"));
        config.setPassword(password);
        config.setPoolName("invoicekit");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        config.setMaxLifetime(30 * 60_000);
        config.setAutoCommit(true);
        config.addDataSourceProperty("prepareThreshold", "3");
        config.addDataSourceProperty("ApplicationName", "invoicekit");
        config.addDataSourceProperty("options", timeouts.startupOptions());
        customizer.accept(config);
        return new HikariDataSource(config);
    }
}
