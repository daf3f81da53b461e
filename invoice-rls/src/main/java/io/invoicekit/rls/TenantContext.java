package io.invoicekit.rls;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.failure.TenantSwitchException;
import io.invoicekit.core.tenant.TenantId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionProperty;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;

/**
 * Runs work for one tenant in one transaction whose first statement is
 * {@code select set_config('app.user_id', ?, true)}: row-level security then shows the work that
 * tenant's rows only, and the setting ends with the transaction, so a pooled connection never
 * carries a tenant to its next borrower. Thread-safe; create one per data source and share it.
 *
 * <p>Hazard: only the {@link DSLContext} handed to the work is inside the tenant's transaction; the
 * context this was built from, another {@code TenantContext} or another thread runs on another
 * connection, without the tenant, and sees nothing. On one thread, a nested call for the same
 * tenant joins the open transaction as a savepoint; one for another tenant is refused with a
 * {@link TenantSwitchException}.
 */
public final class TenantContext {

    // The bind-parameter form of SET LOCAL: SET cannot take a parameter, and a tenant id pasted
    // into SQL text is an injection; is_local = true ends the setting with the transaction. The
    // actor, for the audit trail, rides in the same round trip ('' when there is none).
    private static final String SET_TENANT =
            "select set_config('app.user_id', ?, true), set_config('app.actor', coalesce(?, ''), true)";

    private final DSLContext dsl;
    private final ThreadLocal<OpenTransaction> open = new ThreadLocal<>();

    private TenantContext(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A tenant context on the connections of {@code dsl}, which must use {@link SQLDialect#POSTGRES}.
     * Its transaction provider decides what a nested call is; jOOQ's default makes it a savepoint.
     */
    public static TenantContext of(DSLContext dsl) {
        requireNonNull(dsl, "dsl is null");
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("dsl must use SQLDialect.POSTGRES (the tenant is a PostgreSQL "
                    + "setting read by row-level security policies), was " + dsl.dialect());
        }
        return new TenantContext(dsl);
    }

    /** A tenant context on the connections of {@code dataSource}, which must reach PostgreSQL. */
    public static TenantContext of(DataSource dataSource) {
        return of(DSL.using(requireNonNull(dataSource, "dataSource is null"), SQLDialect.POSTGRES));
    }

    /**
     * Runs {@code work} for {@code tenant} and returns its result. The transaction commits when the
     * work returns and rolls back when it throws; the exception then reaches the caller unchanged.
     *
     * @throws NullPointerException  if {@code tenant} or {@code work} is null
     * @throws TenantSwitchException if this thread is inside work for another tenant
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
        if (outer == null) {
            return onOneConnection(context -> inTransaction(context, tenant, actor, work, null));
        }
        if (!outer.tenant().equals(tenant)) {
            throw new TenantSwitchException(outer.tenant(), tenant);
        }
        return inTransaction(outer.transaction(), tenant, actor, work, outer);
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
     * Runs {@code transaction} on a connection acquired once. jOOQ's transaction provider, when it
     * cannot get a connection to begin, asks for one again to roll back and again to release it: a
     * caller of an exhausted pool waited three times its connectionTimeout. A transaction provider of
     * another kind (a framework's) gets its connections its own way and is left to it.
     */
    private <T> T onOneConnection(Function<DSLContext, T> transaction) {
        if (!(dsl.configuration().transactionProvider() instanceof DefaultTransactionProvider jooqs)) {
            return transaction.apply(dsl);
        }
        return dsl.connectionResult(connection -> {
            ConnectionProvider one = new DefaultConnectionProvider(connection);
            return transaction.apply(dsl.configuration().derive(one)
                    .derive(new DefaultTransactionProvider(one, jooqs.nested(),
                            jooqs.properties().toArray(TransactionProperty[]::new)))
                    .dsl());
        });
    }

    private <T> T inTransaction(DSLContext context, TenantId tenant, String actor, TenantWork<T> work,
                                OpenTransaction outer) {
        return context.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            // Set again when joining: inside the savepoint, so rolling it back restores the outer
            // value, and every work starts with its tenant whatever the outer work did to the setting.
            transaction.fetch(SET_TENANT, tenant.value().toString(), actor);
            open.set(new OpenTransaction(tenant, transaction));
            try {
                return work.execute(transaction);
            } finally {
                if (outer == null) {
                    open.remove();
                } else {
                    open.set(outer);
                }
            }
        });
    }

    /** The transaction this thread is inside, and its tenant. */
    private record OpenTransaction(TenantId tenant, DSLContext transaction) {
    }
}
