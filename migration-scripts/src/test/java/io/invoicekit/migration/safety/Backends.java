package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The server processes of one database, seen from another connection: find the one running a
 * given statement while it waits for a lock, and end it as an operator (or a crash) would.
 */
final class Backends {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private final ConnectionSettings database;

    Backends(ConnectionSettings database) {
        this.database = database;
    }

    /**
     * The process id of the backend whose current statement matches {@code queryPattern} (SQL
     * LIKE) once it waits for a lock of the given kind ({@code pg_stat_activity.wait_event}, e.g.
     * {@code relation}, {@code virtualxid}, {@code advisory}). It waits because the test holds that
     * lock, so it stays waiting until the test acts: polling for it is safe.
     */
    int awaitWaiting(String queryPattern, String waitEvent) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection connection = database.connect();
             PreparedStatement find = connection.prepareStatement(
                     "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                             + " AND wait_event_type = 'Lock' AND wait_event = ? AND query LIKE ?")) {
            find.setString(1, waitEvent);
            find.setString(2, queryPattern);
            while (System.nanoTime() < deadline) {
                try (ResultSet result = find.executeQuery()) {
                    if (result.next()) {
                        return result.getInt(1);
                    }
                }
            }
        }
        throw new IllegalStateException("no backend ran " + queryPattern + " waiting for a " + waitEvent
                + " lock within " + PATIENCE);
    }

    /** Ends a backend (pg_terminate_backend): its transaction rolls back, its client sees a broken connection. */
    void terminate(int pid) throws SQLException {
        signal("pg_terminate_backend", pid);
    }

    /** Cancels a backend's statement (pg_cancel_backend): it fails with an error, the connection stays. */
    void cancel(int pid) throws SQLException {
        signal("pg_cancel_backend", pid);
    }

    private void signal(String function, int pid) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement signal = connection.prepareStatement("SELECT " + function + "(?)")) {
            signal.setInt(1, pid);
            try (ResultSet result = signal.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new IllegalStateException(function + "(" + pid + ") found no such backend");
                }
            }
        }
    }
}
