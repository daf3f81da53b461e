package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.USERS;
import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElseGet;

import io.invoicekit.core.failure.CommitOutcomeUnknownException;
import io.invoicekit.core.failure.DatabaseException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.tenant.TenantRegistration;
import io.invoicekit.rls.OpenTransactions;
import io.invoicekit.rls.TenantContext;
import io.invoicekit.rls.TenantSigning;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The entry point a service builds once and uses per tenant:
 *
 * <pre>{@code
 * InvoiceStore store = InvoiceStore.builder().dataSource(applicationPool).build();
 * Invoice draft = store.inTenant(tenant, tx -> tx.invoices().createDraft(invoiceDraft));
 * }</pre>
 *
 * <p>Each call is one transaction whose first statement sets the tenant for row-level security, a
 * token signed with the service's key ({@link Builder#tenantSigning}) that SQL run as the
 * application role cannot forge for another tenant; it is set for the transaction only, so the
 * tenant can never outlive the transaction or leak to the next borrower of a pooled connection. Built on the service's own jOOQ context
 * ({@link Builder#dsl}, {@link Builder#configuration}), a call made while the service has a
 * transaction open joins it instead (see {@link TenantContext}): the service's own writes and the
 * invoice then commit or roll back together. On any failure the work's writes roll back; failures
 * arrive as {@link io.invoicekit.core.failure.InvoiceKitException}s, never as jOOQ or driver types.
 * The one exception to "nothing stored" is a {@link CommitOutcomeUnknownException}: the connection
 * was lost while committing, and whether the work was stored must be checked. The store is
 * thread-safe; the {@link TenantTransaction} is not, and must not escape the work.
 */
public final class InvoiceStore {

    private final TenantContext tenants;
    private final DatabaseErrors errors;
    private final Clock clock;
    private final Supplier<String> actors;
    private final StoreListener listener;

    private InvoiceStore(Builder builder) {
        DSLContext dsl = builder.dsl();
        TenantSigning signing = requireNonNullElseGet(builder.signing,
                () -> TenantSigning.fromEnvironment(System.getenv()));
        this.tenants = builder.dataSource != null ? TenantContext.ownTransactions(dsl, signing)
                : TenantContext.of(dsl, requireNonNullElseGet(builder.openTransactions,
                        () -> OpenTransactions.autocommitOff(dsl)), signing);
        this.errors = new DatabaseErrors(new RuleWordings(dsl));
        this.clock = builder.clock;
        this.actors = builder.actors;
        this.listener = builder.listener;
    }

    /**
     * A store on the application role's {@code dataSource}, with the defaults of {@link #builder()}:
     * tenant tokens signed with the key the environment names.
     */
    public static InvoiceStore create(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /** Starts a store: give it exactly one of a data source, a jOOQ context or a jOOQ configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code work} for {@code tenant} in one transaction and returns its result. */
    public <T> T inTenant(TenantId tenant, Function<TenantTransaction, T> work) {
        return inTenant(tenant, actors.get(), work);
    }

    /**
     * Runs {@code work} for {@code tenant} in one transaction on behalf of {@code actor} (a user id, a
     * job name; null for none), whom the database's audit trail names with every change the work
     * makes, instead of the builder's actor source. The actor is the service's word: the database
     * records it, it does not verify it.
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
     * only the tenant it is set to, so the row is written in a transaction for that tenant. A name
     * or email the database would refuse is refused first ({@link TenantRegistration}), with
     * nothing stored.
     */
    public void registerTenant(TenantId tenant, String name, String email) {
        TenantRegistration registration = new TenantRegistration(tenant, name, email);
        transact(tenant, null, transaction -> transaction.insertInto(USERS)
                .set(USERS.ID, registration.id().value())
                .set(USERS.NAME, registration.name())
                .set(USERS.EMAIL, registration.email())
                .execute());
    }

    private <T> T transact(TenantId tenant, String actor, Function<DSLContext, T> work) {
        // A call made inside another call's work is part of that call: the listener hears of the outer one.
        boolean outermost = tenants.currentTenant().isEmpty();
        long start = System.nanoTime();
        // Once the work has returned, a failure can only come from COMMIT, whose reply may be what
        // was lost. Only a call that opened its own transaction commits: not a nested one, not one
        // that joined the service's transaction (the service commits that, and learns its outcome).
        AtomicBoolean committing = new AtomicBoolean();
        T result;
        try {
            result = tenants.call(tenant, actor, transaction -> {
                T returned = work.apply(transaction);
                committing.set(tenants.commitsWhenWorkReturns());
                return returned;
            });
        } catch (RuntimeException e) {
            RuntimeException failure = committing.get() ? errors.translateAtCommit(e) : errors.translate(e);
            if (outermost) {
                ended(tenant, start, failure);
            }
            throw failure;
        }
        if (outermost) {
            ended(tenant, start, null);
        }
        return result;
    }

    private void ended(TenantId tenant, long start, RuntimeException failure) {
        listener.ended(new StoreCall(tenant, Duration.ofNanos(System.nanoTime() - start), failure));
    }

    /**
     * How a store reaches the database, tells time and names who acts. Not thread-safe; build once.
     */
    public static final class Builder {

        private DataSource dataSource;
        private Configuration configuration;
        private OpenTransactions openTransactions;
        private TenantSigning signing;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> actors = () -> null;
        private StoreListener listener = StoreListener.NONE;

        private Builder() {
        }

        /**
         * The application role's pool (for example {@link PooledDataSources#hikari}). Every call
         * then runs in a transaction of its own on a connection of the pool; none joins a
         * transaction of the service's (give a {@link #dsl} on the service's transaction-aware
         * context for that).
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = requireNonNull(dataSource, "dataSource is null");
            return this;
        }

        /**
         * The service's jOOQ context, whose connection provider, transaction provider, listeners and
         * settings the store uses as they are (Spring Boot's auto-configured {@code DSLContext}, for
         * instance). A call made while a transaction is open on it joins that transaction.
         */
        public Builder dsl(DSLContext dsl) {
            return configuration(requireNonNull(dsl, "dsl is null").configuration());
        }

        /** As {@link #dsl}, from the service's jOOQ configuration. Its dialect must be POSTGRES. */
        public Builder configuration(Configuration configuration) {
            this.configuration = requireNonNull(configuration, "configuration is null");
            return this;
        }

        /**
         * How the store tells that the service has a transaction open for a call to join; by default,
         * that the context's connection has autocommit off ({@link OpenTransactions#autocommitOff}).
         * Only with {@link #dsl} or {@link #configuration}.
         */
        public Builder openTransactions(OpenTransactions openTransactions) {
            this.openTransactions = requireNonNull(openTransactions, "openTransactions is null");
            return this;
        }

        /**
         * How each call tells the database its tenant: by default {@code
         * TenantSigning.fromEnvironment(System.getenv())}, tokens signed with the key in the file
         * named by {@code INVOICEKIT_TENANT_KEY_FILE} (or in {@code INVOICEKIT_TENANT_KEY}); {@link
         * TenantSigning#signed} with a key from the service's own configuration; or {@link
         * TenantSigning#unsigned()} for a database in compatibility mode.
         */
        public Builder tenantSigning(TenantSigning signing) {
            this.signing = requireNonNull(signing, "signing is null");
            return this;
        }

        /** Where "today" (due dates, overdue, ids) comes from; the system clock in UTC by default. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Who acts, asked once per {@link InvoiceStore#inTenant(TenantId, Function)} call on the
         * calling thread (the signed-in user, the job), for the audit trail; null for nobody. By
         * default nobody.
         */
        public Builder actor(Supplier<String> actors) {
            this.actors = requireNonNull(actors, "actors is null");
            return this;
        }

        /**
         * Who is told of every call once it ended, with its duration and outcome (for metrics); by
         * default no one. See {@link StoreListener} for when it is called and what it must not do.
         */
        public Builder listener(StoreListener listener) {
            this.listener = requireNonNull(listener, "listener is null");
            return this;
        }

        /**
         * The store.
         *
         * @throws IllegalStateException when not exactly one of a data source and a jOOQ context or
         *                               configuration was given, open transactions were given with
         *                               a data source, or no tenant signing was given and the
         *                               environment names no key
         */
        public InvoiceStore build() {
            if ((dataSource == null) == (configuration == null)) {
                throw new IllegalStateException("give the store exactly one of dataSource(...), dsl(...) or "
                        + "configuration(...)");
            }
            if (dataSource != null && openTransactions != null) {
                throw new IllegalStateException("openTransactions(...) needs the service's jOOQ context: a store "
                        + "on a data source always opens its own transactions");
            }
            return new InvoiceStore(this);
        }

        private DSLContext dsl() {
            if (configuration != null) {
                return configuration.dsl();
            }
            Settings settings = new Settings()
                    .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                    .withExecuteLogging(false);
            return DSL.using(dataSource, SQLDialect.POSTGRES, settings);
        }
    }
}
