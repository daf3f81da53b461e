package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import org.jooq.DSLContext;

/**
 * Tells a {@link TenantContext} whether the service already has a transaction open where tenant
 * work would run (then the work joins it instead of committing a transaction of its own). Asked
 * once per call, on the calling thread.
 */
@FunctionalInterface
public interface OpenTransactions {

    /** Never: every call opens its own transaction. */
    OpenTransactions NEVER = () -> false;

    /** Whether a transaction is open on this thread where the work would run. */
    boolean open();

    /**
     * A transaction is open when the connection {@code dsl} hands out has autocommit off: only the
     * code that turned it off may commit it. This is how a connection bound to the thread by Spring's
     * transaction manager or jOOQ's {@code ThreadLocalTransactionProvider}, or a single connection a
     * service manages itself, looks. Hazard: a context on a pool whose idle connections have
     * autocommit off (outside any transaction) looks the same and would never be committed; give
     * such a context a precise answer instead (Spring's {@code
     * TransactionSynchronizationManager::isActualTransactionActive}), or give the store the pool as
     * a {@code DataSource}, whose connections are never taken as someone's transaction.
     */
    static OpenTransactions autocommitOff(DSLContext dsl) {
        requireNonNull(dsl, "dsl is null");
        return () -> dsl.connectionResult(connection -> !connection.getAutoCommit());
    }
}
