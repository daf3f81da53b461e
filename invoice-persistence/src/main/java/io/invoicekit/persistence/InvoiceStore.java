package io.invoicekit.persistence;

import static io.invoicekit.persistence.jooq.Tables.USERS;
import static java.util.Objects.requireNonNull;

import io.invoicekit.core.failure.CommitOutcomeUnknownException;
import io.invoicekit.core.failure.DatabaseException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.rls.TenantContext;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The entry point a service builds once from the application role's {@link DataSource} (for
 * example {@link PooledDataSources#hikari}) and uses per tenant:
 *
 * <pre>{@code
 * Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(invoiceDraft));
 * }</pre>
 *
 * <p>Each call is one transaction whose first statement sets the tenant for row-level security
 * ({@code set_config('app.user_id', ?, true)}), so the tenant can never outlive the call or leak
 * to the next borrower of a pooled connection. On any failure the transaction rolls back and
 * nothing of the work is stored; database errors arrive as {@link DatabaseException}s, never as jOOQ
 * or driver types. The one exception is a {@link CommitOutcomeUnknownException}: the connection was
 * lost while committing, and whether the work was stored must be checked. The store is
 * thread-safe; the {@link TenantTransaction} is not, and must not escape the work.
 */
public final class InvoiceStore {

    private final TenantContext tenants;
    private final DatabaseErrors errors;
    private final Clock clock;

    private InvoiceStore(DSLContext dsl, Clock clock) {
        this.tenants = TenantContext.of(dsl);
        this.errors = new DatabaseErrors(new RuleWordings(dsl));
        this.clock = clock;
    }

    /** A store on {@code dataSource}, with time from the system clock in UTC. */
    public static InvoiceStore create(DataSource dataSource) {
        return create(dataSource, Clock.systemUTC());
    }

    /** A store on {@code dataSource} whose "today" (due dates, overdue, ids) comes from {@code clock}. */
    public static InvoiceStore create(DataSource dataSource, Clock clock) {
        requireNonNull(dataSource, "dataSource is null");
        requireNonNull(clock, "clock is null");
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        return new InvoiceStore(DSL.using(dataSource, SQLDialect.POSTGRES, settings), clock);
    }

    /** Runs {@code work} for {@code tenant} in one transaction and returns its result. */
    public <T> T inTenant(TenantId tenant, Function<TenantTransaction, T> work) {
        return inTenant(tenant, null, work);
    }

    /**
     * Runs {@code work} for {@code tenant} in one transaction on behalf of {@code actor} (a user id, a
     * job name; null for none), whom the database's audit trail names with every change the work
     * makes. The actor is the service's word: the database records it, it does not verify it.
     */
    public <T> T inTenant(TenantId tenant, String actor, Function<TenantTransaction, T> work) {
        requireNonNull(work, "work is null");
        return transact(tenant, actor, transaction -> work.apply(new TenantTransaction(transaction, tenant, clock)));
    }

    /** Runs {@code work} for {@code tenant} in one transaction. */
    public void inTenantRun(TenantId tenant, Consumer<TenantTransaction> work) {
        requireNonNull(work, "work is null");
        inTenant(tenant, transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    /**
     * Registers a tenant (its {@code users} row). Row-level security lets a transaction create
     * only the tenant it is set to, so the row is written in a transaction for that tenant.
     */
    public void registerTenant(TenantId tenant, String name, String email) {
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
        transact(tenant, null, transaction -> transaction.insertInto(USERS)
                .set(USERS.ID, tenant.value())
                .set(USERS.NAME, name)
                .set(USERS.EMAIL, email)
                .execute());
    }

    private <T> T transact(TenantId tenant, String actor, Function<DSLContext, T> work) {
        // Once the work has returned, a failure can only come from COMMIT, whose reply may be what
        // was lost. Only the outermost call commits; a nested one joined its transaction.
        boolean commits = tenants.currentTenant().isEmpty();
        AtomicBoolean returned = new AtomicBoolean();
        try {
            return tenants.call(tenant, actor, transaction -> {
                T result = work.apply(transaction);
                returned.set(true);
                return result;
            });
        } catch (RuntimeException e) {
            throw commits && returned.get() ? errors.translateAtCommit(e) : errors.translate(e);
        }
    }
}
