package io.invoicekit.persistence;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits every session of a {@link PooledDataSources#hikari} pool starts with, PostgreSQL's own
 * settings, so that no statement of the store waits or runs without bound:
 *
 * <ul>
 *   <li>{@code lockTimeout} ({@code lock_timeout}, default 5 s): how long a statement waits for a
 *       lock another transaction holds, then fails with a retryable {@code ConcurrencyConflictException};</li>
 *   <li>{@code statementTimeout} ({@code statement_timeout}, default 30 s): how long one statement may
 *       run, then fails with a {@code DatabaseTimeoutException};</li>
 *   <li>{@code idleInTransactionTimeout} ({@code idle_in_transaction_session_timeout}, default 60 s):
 *       how long a transaction may sit between statements (the service busy elsewhere) before the
 *       server ends the session, releasing its locks.</li>
 * </ul>
 *
 * <p>Hazard: keep {@code lockTimeout} below {@code statementTimeout}, or a wait for a lock ends as a
 * statement timeout, which is not retryable, rather than as a conflict, which is. Each must be
 * positive (PostgreSQL's 0, no limit, is what the defaults are for) and at most 2^31-1 ms.
 */
public record SessionTimeouts(Duration lockTimeout, Duration statementTimeout, Duration idleInTransactionTimeout) {

    // PostgreSQL keeps these settings as a 32-bit count of milliseconds. Before DEFAULT, which is checked against it.
    private static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    /** 5 s for a lock, 30 s for a statement, 60 s idle in a transaction. */
    public static final SessionTimeouts DEFAULT =
            new SessionTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));

    public SessionTimeouts {
        check(lockTimeout, "lockTimeout");
        check(statementTimeout, "statementTimeout");
        check(idleInTransactionTimeout, "idleInTransactionTimeout");
    }

    public SessionTimeouts withLockTimeout(Duration timeout) {
        return new SessionTimeouts(timeout, statementTimeout, idleInTransactionTimeout);
    }

    public SessionTimeouts withStatementTimeout(Duration timeout) {
        return new SessionTimeouts(lockTimeout, timeout, idleInTransactionTimeout);
    }

    public SessionTimeouts withIdleInTransactionTimeout(Duration timeout) {
        return new SessionTimeouts(lockTimeout, statementTimeout, timeout);
    }

    /**
     * The driver's {@code options} property: settings PostgreSQL applies as the session starts, in the
     * startup message, so they cost no round trip and outlive a {@code RESET ALL}.
     */
    String startupOptions() {
        return "-c lock_timeout=" + lockTimeout.toMillis()
                + " -c statement_timeout=" + statementTimeout.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis();
    }

    private static void check(Duration timeout, String setting) {
        requireNonNull(timeout, setting + " is null");
        if (timeout.toMillis() < 1 || timeout.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(setting + " must be between 1 ms and " + MAX.toMillis() + " ms, was "
                    + timeout);
        }
    }
}
