package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.failure.TenantSwitchException;
import io.invoicekit.core.failure.TenantTokenRefusedException;
import io.invoicekit.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.TransactionProperty;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;

/**
 * Runs work for one tenant in one transaction whose first statement sets the tenant for the
 * transaction only ({@code set_config(..., true)}): row-level security then shows the work that
 * tenant's rows only, and the setting ends with the transaction, so a pooled connection never
 * carries a tenant to its next borrower. The tenant is a token signed with the service's {@link
 * TenantKey} ({@link TenantSigning}), which SQL run as the application role cannot forge for
 * another tenant; when the database gives the transaction no tenant (an unknown or retired key,
 * an expired token), the call fails with a {@link TenantTokenRefusedException} before the work
 * runs. Thread-safe; create one per data source and share it.
 *
 * <p>Whose transaction: when a transaction is already open where the work would run (see {@link
 * OpenTransactions}: by default, the context's connection has autocommit off, as inside a Spring
 * {@code @Transactional} method or a jOOQ {@code ThreadLocalTransactionProvider} transaction), the
 * work joins it: the tenant is set inside it, the work runs in a savepoint (rolled back if the work
 * throws, so the service may carry on), and nothing is committed: the service commits or rolls
 * back everything together. A second tenant in that transaction is refused with a {@link
 * TenantSwitchException}: the first tenant's setting lasts until the service's transaction ends.
 * Otherwise the work runs in a transaction of its own, begun and ended by the context's
 * transaction provider.
 *
 * <p>Hazard: only the {@link DSLContext} handed to the work is inside the tenant's transaction when
 * the context opened its own; the context this was built from, another {@code TenantContext} or
 * another thread runs on another connection, without the tenant, and sees nothing. On one thread, a
 * nested call for the same tenant joins the open transaction as a savepoint; one for another tenant
 * is refused with a {@link TenantSwitchException}.
 */
public final class TenantContext {

    // Joining the service's transaction: the same, and first the tenant an earlier call set in it,
    // read before it is overwritten.
    private static final String JOIN_TENANT = "select earlier.tenant, public.tenant_refusal() from (select "
            + "earlier.tenant, set_config(?, ?, true), set_config('app.actor', coalesce(?, ''), true) "
            + "from (select public.current_tenant_id()::text as tenant offset 0) earlier offset 0) earlier";

    private final DSLContext dsl;
    private final OpenTransactions openTransactions;
    private final TenantSigning signing;
    private final ThreadLocal<OpenTransaction> open = new ThreadLocal<>();

    private TenantContext(DSLContext dsl, OpenTransactions openTransactions, TenantSigning signing) {
        this.dsl = dsl;
        this.openTransactions = openTransactions;
        this.signing = signing;
    }

    /**
     * A tenant context on the connections of {@code dsl}, which must use {@link SQLDialect#POSTGRES}.
     * Work joins a transaction open on the context's connection (autocommit off); otherwise its
     * transaction provider opens one, and decides what a nested call is (jOOQ's default makes it a
     * savepoint). The tenant is given as {@code signing} says.
     */
    public static TenantContext of(DSLContext dsl, TenantSigning signing) {
        return of(dsl, OpenTransactions.autocommitOff(dsl), signing);
    }

    /**
     * A tenant context on the connections of {@code dsl} that joins a transaction when {@code
     * openTransactions} says one is open on this thread, for example Spring's {@code
     * TransactionSynchronizationManager::isActualTransactionActive}.
     */
    public static TenantContext of(DSLContext dsl, OpenTransactions openTransactions, TenantSigning signing) {
        requireNonNull(dsl, "dsl is null");
        requireNonNull(openTransactions, "openTransactions is null");
        requireNonNull(signing, "signing is null");
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("dsl must use SQLDialect.POSTGRES (the tenant is a PostgreSQL "
                    + "setting read by row-level security policies), was " + dsl.dialect());
        }
        return new TenantContext(dsl, openTransactions, signing);
    }

    /**
     * A tenant context on the connections of {@code dataSource}, which must reach PostgreSQL. Each
     * call opens a transaction of its own: a connection fresh from a pool belongs to no one else's
     * transaction, even when the pool hands it out with autocommit off.
     */
    public static TenantContext of(DataSource dataSource, TenantSigning signing) {
        return ownTransactions(DSL.using(requireNonNull(dataSource, "dataSource is null"), SQLDialect.POSTGRES),
                signing);
    }

    /** A tenant context on {@code dsl} whose calls always open their own transaction (never join one). */
    public static TenantContext ownTransactions(DSLContext dsl, TenantSigning signing) {
        return of(dsl, OpenTransactions.NEVER, signing);
    }

    /**
     * Runs {@code work} for {@code tenant} and returns its result. The transaction commits when the
     * work returns and rolls back when it throws; the exception then reaches the caller unchanged.
     * When the work joins the service's transaction, it is the service's to commit.
     *
     * @throws NullPointerException  if {@code tenant} or {@code work} is null
     * @throws TenantSwitchException if this thread is inside work for another tenant, or the joined
     *                               transaction already belongs to another tenant
     */
    public <T> T call(TenantId tenant, TenantWork<T> work) {
        return call(tenant, null, work);
    }

    /**
     * Runs {@code work} for {@code tenant} as {@link #call(TenantId, TenantWork)} does, with {@code
     * actor} (who asked: a user, a job; null for none) set for the transaction as {@code app.actor},
     * which the database's audit trail records with every change.
     */
    public <T> T call(TenantId tenant, String actor, TenantWork<T> work) {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(work, "work is null");
        OpenTransaction outer = open.get();
        if (outer != null) {
            if (!outer.tenant().equals(tenant)) {
                throw new TenantSwitchException(outer.tenant().value(), tenant.value());
            }
            return outer.joined() ? joined(tenant, actor, work, outer) : nested(tenant, actor, work, outer);
        }
        if (openTransactions.open()) {
            return joined(tenant, actor, work, null);
        }
        if (dsl.configuration().transactionProvider() instanceof DefaultTransactionProvider jooqs) {
            return ownTransaction(tenant, actor, work, jooqs);
        }
        return providersTransaction(tenant, actor, work);
    }

    /** Runs {@code work} for {@code tenant}, as {@link #call} does, for work without a result. */
    public void run(TenantId tenant, Consumer<DSLContext> work) {
        requireNonNull(work, "work is null");
        call(tenant, transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    /** The tenant whose work this thread is inside, through this context; empty outside any. */
    public Optional<TenantId> currentTenant() {
        return Optional.ofNullable(open.get()).map(OpenTransaction::tenant);
    }

    /**
     * Whether the work running on this thread will be committed by this context when it returns:
     * false inside a nested call and inside work that joined the service's transaction (the
     * service commits that), and outside any work.
     */
    public boolean commitsWhenWorkReturns() {
        OpenTransaction current = open.get();
        return current != null && current.commits();
    }

    /**
     * Runs the work in a transaction of its own on a connection acquired once, begun and ended here
     * rather than by jOOQ's transaction provider, which asks the driver for the isolation level and
     * sends BEGIN on its own: two round trips. Here the driver sends BEGIN with the first
     * statement, the tenant setting rides along ({@link TenantFoldingConnection}), and COMMIT ends
     * it. Acquiring once matters too: jOOQ's provider, when it cannot get a connection to begin,
     * asks for one again to roll back and again to release it, so a caller of an exhausted pool
     * waited three times its connectionTimeout.
     */
    private <T> T ownTransaction(TenantId tenant, String actor, TenantWork<T> work, DefaultTransactionProvider jooqs) {
        return dsl.connectionResult(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            TenantFoldingConnection folding = TenantFoldingConnection.settingTenant(connection, signing, tenant,
                    actor);
            // A jOOQ transaction the work opens on this context is a savepoint of this one.
            ConnectionProvider one = new DefaultConnectionProvider(folding);
            DSLContext transaction = dsl.configuration().derive(one)
                    .derive(new DefaultTransactionProvider(one, jooqs.nested(),
                            jooqs.properties().toArray(TransactionProperty[]::new)))
                    .dsl();
            open.set(new OpenTransaction(tenant, transaction, folding, false, true));
            try {
                T result = work.execute(transaction);
                connection.commit();
                return result;
            } catch (Throwable failure) {
                rollBack(connection, null, failure);
                throw failure;
            } finally {
                open.remove();
                restoreAutoCommit(connection, autoCommit);
            }
        });
    }

    /**
     * Gives the connection back its autocommit. A connection that cannot take it is broken: the
     * pool discards it, and what broke it is the failure the caller sees, not this one.
     */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException broken) {
            // see above
        }
    }

    /**
     * Runs the work in a transaction begun and ended by the context's transaction provider of
     * another kind than jOOQ's (a framework's), which gets its connections its own way: the tenant
     * is set by a statement of its own.
     */
    private <T> T providersTransaction(TenantId tenant, String actor, TenantWork<T> work) {
        return dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.connection(connection ->
                    TenantFoldingConnection.settingTenant(connection, signing, tenant, actor).sendPending());
            open.set(new OpenTransaction(tenant, transaction, null, false, true));
            try {
                return work.execute(transaction);
            } finally {
                open.remove();
            }
        });
    }

    /**
     * Runs a call made inside the work of another for the same tenant in a savepoint of its
     * transaction, the tenant set again inside it (with its next statement): rolling the savepoint
     * back restores the outer value, and every work starts with its tenant whatever the outer work
     * did to the setting.
     */
    private <T> T nested(TenantId tenant, String actor, TenantWork<T> work, OpenTransaction outer) {
        if (outer.folding() == null) {
            return outer.transaction().transactionResult(configuration -> {
                DSLContext transaction = configuration.dsl();
                transaction.connection(connection ->
                        TenantFoldingConnection.settingTenant(connection, signing, tenant, actor).sendPending());
                open.set(new OpenTransaction(tenant, transaction, null, false, false));
                try {
                    return work.execute(transaction);
                } finally {
                    restore(outer);
                }
            });
        }
        TenantFoldingConnection folding = outer.folding();
        return outer.transaction().connectionResult(ignored -> {
            Object[] outerSetting = folding.pending();
            Savepoint savepoint = folding.getDelegate().setSavepoint();
            folding.setWithNextStatement(TenantFoldingConnection.parameters(signing, tenant, actor));
            open.set(new OpenTransaction(tenant, outer.transaction(), folding, false, false));
            try {
                T result = work.execute(outer.transaction());
                folding.getDelegate().releaseSavepoint(savepoint);
                return result;
            } catch (RuntimeException | Error failure) {
                rollBack(folding.getDelegate(), savepoint, failure);
                // Rolled back to before the call: what the outer work had set, or had yet to send.
                folding.setWithNextStatement(outerSetting);
                throw failure;
            } finally {
                restore(outer);
            }
        });
    }

    /**
     * Runs the work inside the transaction the service has open: in a savepoint of it, so a failed
     * work leaves the service's transaction usable and its own earlier writes in place.
     */
    private <T> T joined(TenantId tenant, String actor, TenantWork<T> work, OpenTransaction outer) {
        return dsl.connectionResult(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Record set = dsl.fetchSingle(JOIN_TENANT, signing.setting(), value(tenant), actor);
                String earlier = set.get(0, String.class);
                if (earlier != null && !earlier.equals(tenant.value().toString())) {
                    throw new TenantSwitchException(UUID.fromString(earlier), tenant.value());
                }
                refuseWithout(set.get(1));
                open.set(new OpenTransaction(tenant, dsl, null, true, false));
                T result = work.execute(dsl);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (RuntimeException | Error failure) {
                rollBack(connection, savepoint, failure);
                throw failure;
            } finally {
                restore(outer);
            }
        });
    }

    private String value(TenantId tenant) {
        return signing.value(tenant.value(), Instant.now());
    }


    /** Fails the call when the database gave the transaction no tenant, saying why. */
    private static void refuseWithout(Object refusal) {
        if (refusal != null) {
            throw new TenantTokenRefusedException(refusal.toString());
        }
    }

    private void restore(OpenTransaction outer) {
        if (outer == null) {
            open.remove();
        } else {
            open.set(outer);
        }
    }

    /**
     * Rolls back to the savepoint, or the whole transaction without one, keeping the work's failure
     * as the one the caller sees.
     */
    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            if (savepoint == null) {
                connection.rollback();
            } else {
                connection.rollback(savepoint);
            }
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * The transaction this thread is inside, its tenant, the connection that sets the tenant with
     * its next statement (null where a statement of its own set it), whether it is the service's
     * (joined), and whether this context commits it when the work returns (its own, outermost).
     */
    private record OpenTransaction(TenantId tenant, DSLContext transaction, TenantFoldingConnection folding,
                                   boolean joined, boolean commits) {
    }
}
