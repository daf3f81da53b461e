package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The application login's sessions on a test database, seen and ended from the owner's connection,
 * as an operator (or a crash, or the server's own timeouts) ends them.
 */
final class ApplicationSessions {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MigratedDatabase database;

    ApplicationSessions(MigratedDatabase database) {
        this.database = database;
    }

    /** Terminates the one session of the application login that is idle inside a transaction. */
    void terminateTheOpenTransaction() {
        int killed = count("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where usename = ? and datname = current_database() and state = 'idle in transaction'""");
        assertThat(killed).as("backends killed").isEqualTo(1);
    }

    /**
     * Returns once no session of the application login named {@code applicationName} is left: the
     * server ended it. Polls a condition the server brings about by itself (its timeout), for at
     * most {@link #PATIENCE}.
     */
    void awaitEnded(String applicationName) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection owner = database.owner().connect();
             PreparedStatement sessions = owner.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where usename = ? and datname = current_database() and application_name = ?""")) {
            sessions.setString(1, database.application().user());
            sessions.setString(2, applicationName);
            while (count(sessions) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the session " + applicationName + " did not end within " + PATIENCE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String query) {
        try (Connection owner = database.owner().connect();
             PreparedStatement statement = owner.prepareStatement(query)) {
            statement.setString(1, database.application().user());
            return count(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(PreparedStatement query) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
