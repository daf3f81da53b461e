package io.invoicekit.persistence;

import io.invoicekit.testing.protocol.LoopbackServer;
import io.invoicekit.testing.protocol.WireProtocol;
import static io.invoicekit.persistence.TypedFailures.assertTyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import io.invoicekit.core.client.Client;
import io.invoicekit.core.client.PaymentTerms;
import io.invoicekit.core.failure.CommitOutcomeUnknownException;
import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.DatabaseTimeoutException;
import io.invoicekit.core.failure.DatabaseUnavailableException;
import io.invoicekit.core.failure.UnstorableValueException;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.Violation;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.MigratedDatabase;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Every kind of failure on the way to and in the database, driven through the store against a
 * real PostgreSQL (and, for what a healthy server never does, stand-ins on a local socket): each
 * arrives as its documented type with its SQLSTATE and retryable flag, and no SQL in its message.
 */
class FailureTypesTest extends StoreTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(60);

    private final MigratedDatabase database;
    private final ConnectionSettings application;
    private final DSLContext owner;
    private final ApplicationSessions sessions;

    FailureTypesTest(MigratedDatabase database) {
        super(database, 1);
        this.database = database;
        this.application = database.application();
        this.owner = DSL.using(database.ownerDataSource(), SQLDialect.POSTGRES);
        this.sessions = new ApplicationSessions(database);
    }

    @Test
    void a_connection_killed_while_issuing_an_invoice_is_unavailable_leaves_nothing_and_the_pool_recovers() {
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);

        Throwable thrown = catchThrowable(() -> store.inTenant(tenant, tx -> {
            Invoice written = tx.invoices().createDraft(fixture.draft(client));
            // The invoice and its lines are written, not committed: kill this very backend, then go on.
            // (Killed after the work's last statement, the failure would come at COMMIT: an unknown outcome.)
            sessions.terminateTheOpenTransaction();
            return tx.invoices().issue(written.id(), written.version());
        }));

        assertTyped(thrown, DatabaseUnavailableException.class, true, "57P01", "08006");
        Invoice next = fixture.sentInvoice(tenant, client);
        List<Invoice> stored = store.inTenant(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), 10)).items();
        assertThat(stored).containsExactly(next);
        assertThat(next.number().text()).isEqualTo("INV-000001");
    }

    @Test
    void a_login_over_its_connection_limit_is_unavailable_and_retryable() {
        String role = "invoicekit_no_slots_" + UUID.randomUUID().toString().substring(0, 8);
        owner.execute("create role " + role + " login password 'x' connection limit 0 in role "
                + database.applicationRole());
        try {
            InvoiceStore full = InvoiceStore.builder().dataSource(application.as(role, "x").dataSource())
                    .tenantSigning(fixture.signing).clock(fixture.clock).build();

            var failure = assertTyped(catchThrowable(() -> full.inTenant(TenantId.generate(fixture.clock),
                    tx -> tx.clients().list(1))), DatabaseUnavailableException.class, true, "53300");
            assertThat(failure.reason()).isEqualTo(DatabaseUnavailableException.Reason.OUT_OF_RESOURCES);
        } finally {
            owner.execute("drop role " + role);
        }
    }

    @Test
    void a_payment_behind_a_held_row_lock_gives_up_after_lock_timeout_as_a_retryable_conflict() {
        Throwable thrown = payBehindALockedInvoice(SessionTimeouts.DEFAULT.withLockTimeout(SHORT));

        var conflict = assertTyped(thrown, ConcurrencyConflictException.class, true, "55P03");
        assertThat(conflict.reason()).isEqualTo(ConcurrencyConflictException.Reason.LOCK_TIMEOUT);
    }

    @Test
    void a_statement_running_past_statement_timeout_is_a_timeout_that_is_not_retried_blindly() {
        // The lock is held longer than the statement may run: here it is the statement's own limit that ends it.
        Throwable thrown = payBehindALockedInvoice(new SessionTimeouts(LONG, SHORT, LONG));

        var timeout = assertTyped(thrown, DatabaseTimeoutException.class, false, "57014");
        assertThat(timeout.reason()).isEqualTo(DatabaseTimeoutException.Reason.STATEMENT_CANCELED);
    }

    @Test
    void a_transaction_left_idle_past_its_timeout_is_ended_by_the_server_and_the_pool_serves_the_next_one() {
        TenantId tenant = fixture.newTenant();
        String name = "idle-in-transaction-test";
        try (HikariDataSource pool = poolOfOne(SessionTimeouts.DEFAULT.withIdleInTransactionTimeout(SHORT),
                config -> config.addDataSourceProperty("ApplicationName", name))) {
            InvoiceStore idle = InvoiceStore.builder().dataSource(pool).tenantSigning(fixture.signing).clock(fixture.clock).build();

            Throwable thrown = catchThrowable(() -> idle.inTenant(tenant, tx -> {
                tx.clients().list(1);
                sessions.awaitEnded(name); // the service busy elsewhere, holding the transaction open
                return tx.clients().list(1);
            }));

            var timeout = assertTyped(thrown, DatabaseTimeoutException.class, false, "25P03");
            assertThat(timeout.reason()).isEqualTo(DatabaseTimeoutException.Reason.IDLE_IN_TRANSACTION);
            assertThat(idle.inTenant(tenant, tx -> tx.clients().list(1)).items()).isEmpty();
        }
    }

    @Test
    void an_exhausted_pool_fails_after_one_wait_of_its_connection_timeout() throws Exception {
        AtomicInteger timeouts = new AtomicInteger();
        Duration connectionTimeout = Duration.ofSeconds(1);
        try (HikariDataSource pool = poolOfOne(SessionTimeouts.DEFAULT, config -> {
                 config.setConnectionTimeout(connectionTimeout.toMillis());
                 config.setMetricsTrackerFactory((poolName, stats) -> new IMetricsTracker() {
                     @Override
                     public void recordConnectionTimeout() {
                         timeouts.incrementAndGet();
                     }
                 });
             });
             Connection taken = pool.getConnection()) {
            InvoiceStore exhausted = InvoiceStore.builder().dataSource(pool).tenantSigning(fixture.signing).clock(fixture.clock).build();

            long start = System.nanoTime();
            Throwable thrown = catchThrowable(() -> exhausted.inTenant(TenantId.generate(fixture.clock),
                    tx -> tx.clients().list(1)));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            var failure = assertTyped(thrown, DatabaseUnavailableException.class, true, (String) null);
            assertThat(failure.reason()).isEqualTo(DatabaseUnavailableException.Reason.POOL_TIMEOUT);
            assertThat(timeouts).as("connections asked for and not given").hasValue(1);
            assertThat(waited).as("waited").isLessThan(connectionTimeout.multipliedBy(3));
        }
    }

    /**
     * Java refuses such an amount in the domain (an invoice draft cannot hold it), so the database's
     * answer is reached the way a service's own SQL reaches it: through the transaction's context.
     */
    @Test
    void an_amount_beyond_what_its_column_stores_is_an_unstorable_number() {
        TenantId tenant = fixture.newTenant();

        var failure = assertTyped(catchThrowable(() -> store.inTenant(tenant,
                        tx -> tx.dsl().fetch("select cast(? as numeric(12,2))", new BigDecimal("99999999999.00")))),
                UnstorableValueException.class, false, "22003");
        assertThat(failure.reason()).isEqualTo(UnstorableValueException.Reason.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void a_server_that_is_starting_up_is_unavailable_and_retryable() {
        try (LoopbackServer startingUp = new LoopbackServer("starting-up", client -> {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            WireProtocol.readStartup(in);
            WireProtocol.fatal("57P03", "the database system is starting up")
                    .writeTo(new DataOutputStream(client.getOutputStream()));
        })) {
            InvoiceStore early = storeAt(startingUp.jdbcUrl(application.database()));

            var failure = assertTyped(catchThrowable(() -> early.inTenant(TenantId.generate(fixture.clock),
                    tx -> tx.clients().list(1))), DatabaseUnavailableException.class, true, "57P03");
            assertThat(failure.reason()).isEqualTo(DatabaseUnavailableException.Reason.STARTING_UP);
        }
    }

    @Test
    void a_server_that_cannot_be_reached_is_unavailable_and_retryable() {
        InvoiceStore unreachable = storeAt(LoopbackServer.plainJdbcUrl(LoopbackServer.closedPort(),
                application.database()));

        var failure = assertTyped(catchThrowable(() -> unreachable.inTenant(TenantId.generate(fixture.clock),
                tx -> tx.clients().list(1))), DatabaseUnavailableException.class, true, "08001");
        assertThat(failure.reason()).isEqualTo(DatabaseUnavailableException.Reason.CONNECTION_FAILED);
    }

    @Test
    void a_commit_whose_reply_is_lost_has_an_unknown_outcome_and_was_in_fact_stored() {
        TenantId tenant = fixture.newTenant();
        Client client = Client.create(ClientId.generate(fixture.clock), "Cut Ltd", "ap@cut.example",
                PaymentTerms.DEFAULT, null, null);
        URI server = URI.create(application.jdbcUrl().substring("jdbc:".length()));
        try (CommitReplyCut cut = new CommitReplyCut(server.getHost(), server.getPort())) {
            InvoiceStore unlucky = storeAt(cut.jdbcUrl(application.database()));

            Throwable thrown = catchThrowable(() -> unlucky.inTenant(tenant, tx -> tx.clients().create(client)));

            assertTyped(thrown, CommitOutcomeUnknownException.class, false, "08006");
        }
        // What the type is for: the caller must look, because here it was stored.
        Optional<Client> stored = store.inTenant(tenant, tx -> tx.clients().find(client.id()));
        assertThat(stored).contains(client);
    }

    @Test
    void the_works_own_exceptions_reach_the_caller_unchanged() {
        TenantId tenant = fixture.newTenant();
        IllegalStateException services = new IllegalStateException("the service's own");
        ValidationException domains = new ValidationException("refused", List.of(new Violation("x", "rule", "broken")));

        assertThat(catchThrowable(() -> store.inTenant(tenant, tx -> {
            throw services;
        }))).isSameAs(services);
        assertThat(catchThrowable(() -> store.inTenant(tenant, tx -> {
            throw domains;
        }))).isSameAs(domains);
    }

    /** A tenant's sent invoice paid through a pool with {@code timeouts} while the owner holds its row. */
    private Throwable payBehindALockedInvoice(SessionTimeouts timeouts) {
        TenantId tenant = fixture.newTenant();
        Invoice invoice = fixture.sentInvoice(tenant, fixture.newClient(tenant, 30));
        Payment payment = Payment.pending(PaymentId.generate(fixture.clock), invoice.id(),
                Money.of("10.00", StoreFixture.EUR), PaymentMethod.BANK_TRANSFER, StoreFixture.TODAY, "psp-1", null)
                .complete();
        try (HikariDataSource pool = poolOfOne(timeouts, config -> { })) {
            InvoiceStore payments = InvoiceStore.builder().dataSource(pool).tenantSigning(fixture.signing).clock(fixture.clock).build();
            return owner.transactionResult(holder -> {
                holder.dsl().execute("select 1 from invoices where user_id = ? and id = ? for update",
                        tenant.value(), invoice.id().value());
                return catchThrowable(() -> payments.inTenant(tenant, tx -> tx.payments().record(payment)));
            });
        }
    }

    private HikariDataSource poolOfOne(SessionTimeouts timeouts, Consumer<HikariConfig> customizer) {
        return PooledDataSources.hikari(application.jdbcUrl(), application.user(), application.password(), timeouts,
                config -> {
                    config.setMaximumPoolSize(1);
                    customizer.accept(config);
                });
    }

    /** A store on connections opened one by one at {@code jdbcUrl} (no pool to wait in), as the application login. */
    private InvoiceStore storeAt(String jdbcUrl) {
        return InvoiceStore.builder().dataSource(new ConnectionSettings(jdbcUrl, application.user(), application.password())
                .dataSource()).tenantSigning(fixture.signing).clock(fixture.clock).build();
    }
}
