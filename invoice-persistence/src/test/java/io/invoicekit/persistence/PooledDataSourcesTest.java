package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pool's sessions start with bounded waits, the documented ones unless others are given. */
@ExtendWith(TestDatabaseExtension.class)
class PooledDataSourcesTest {

    private final ConnectionSettings application;

    PooledDataSourcesTest(MigratedDatabase database) {
        this.application = database.application();
    }

    @Test
    void every_session_starts_with_the_documented_timeouts() throws SQLException {
        try (HikariDataSource pool = PooledDataSources.hikari(application.jdbcUrl(), application.user(),
                application.password())) {
            assertThat(timeoutsOf(pool)).containsExactly("5s", "30s", "1min");
        }
    }

    @Test
    void timeouts_given_replace_the_defaults() throws SQLException {
        SessionTimeouts timeouts = SessionTimeouts.DEFAULT.withLockTimeout(Duration.ofMillis(1500))
                .withStatementTimeout(Duration.ofMinutes(2))
                .withIdleInTransactionTimeout(Duration.ofSeconds(10));
        try (HikariDataSource pool = PooledDataSources.hikari(application.jdbcUrl(), application.user(),
                application.password(), timeouts, config -> config.setMaximumPoolSize(1))) {
            assertThat(timeoutsOf(pool)).containsExactly("1500ms", "2min", "10s");
        }
    }

    @Test
    void the_readme_override_changes_what_it_names_and_keeps_the_other_defaults() throws SQLException {
        String url = application.jdbcUrl();
        String password = application.password();
        String user = application.user();
        // --- from the README ("Failures") ---
        HikariDataSource pool = PooledDataSources.hikari(url, user, password,
                SessionTimeouts.DEFAULT.withStatementTimeout(Duration.ofMinutes(2)),  // a reporting service
                config -> config.setConnectionTimeout(2_000));
        // --- end of the README ---

        try (pool) {
            assertThat(timeoutsOf(pool)).containsExactly("5s", "2min", "1min");
            assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
        }
    }

    @Test
    void a_url_with_an_options_parameter_of_its_own_is_refused() {
        assertThatThrownBy(() -> PooledDataSources.hikari(application.jdbcUrl() + "?options=-c%20search_path%3Dx",
                application.user(), application.password()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("jdbcUrl must not carry an options parameter");
    }

    @Test
    void a_timeout_postgresql_cannot_keep_or_that_means_no_limit_is_refused() {
        List<Supplier<SessionTimeouts>> refused = List.of(
                () -> SessionTimeouts.DEFAULT.withLockTimeout(Duration.ZERO),
                () -> SessionTimeouts.DEFAULT.withStatementTimeout(Duration.ofSeconds(-1)),
                () -> SessionTimeouts.DEFAULT.withIdleInTransactionTimeout(Duration.ofDays(25)));

        assertThat(refused).allSatisfy(timeouts -> assertThatThrownBy(timeouts::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be between 1 ms and 2147483647 ms"));
        assertThatThrownBy(() -> SessionTimeouts.DEFAULT.withLockTimeout(null))
                .hasMessage("lockTimeout is null");
    }

    private static List<String> timeoutsOf(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("""
                     select current_setting('lock_timeout'), current_setting('statement_timeout'),
                            current_setting('idle_in_transaction_session_timeout')""")) {
            settings.next();
            return List.of(settings.getString(1), settings.getString(2), settings.getString(3));
        }
    }
}
