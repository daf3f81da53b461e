package io.invoicekit.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.invoicekit.core.failure.TenantSwitchException;
import io.invoicekit.core.failure.TenantTokenRefusedException;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import io.invoicekit.testing.protocol.RoundTripCounter;
import io.invoicekit.testing.protocol.RoundTripCounter.RoundTrip;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabaseExtension.class)
class TenantContextTest {

    private static final String CURRENT_TENANT = "select public.current_tenant_id()::text";

    private final MigratedDatabase database;
    private final DataSource application;
    private final TenantSigning signing;
    private final TenantId mine = TenantId.of(UUID.randomUUID());
    private final TenantId other = TenantId.of(UUID.randomUUID());
    private final List<String> statements = new ArrayList<>();
    private final TenantContext context;

    TenantContextTest(MigratedDatabase database) {
        this.database = database;
        this.application = database.applicationDataSource();
        this.signing = TenantSigning.signed(TenantKey.parse(database.tenantKey()));
        for (TenantId tenant : List.of(mine, other)) {
            TenantContext.of(application, signing).run(tenant, transaction -> transaction.execute(
                    "insert into users (id, name, email) values (?, 'Tenant', 'tenant@example.com')", tenant.value()));
        }
        DSLContext recorded = DSL.using(application, SQLDialect.POSTGRES).configuration()
                .deriveAppending(ExecuteListener.onExecuteStart(execution -> statements.add(execution.sql())))
                .dsl();
        this.context = TenantContext.of(recorded, signing);
    }

    @Test
    void the_tenant_and_the_actor_travel_as_bind_parameters_with_the_first_statement_in_its_round_trip() {
        List<RoundTrip> roundTrips;
        String inside;
        try (RoundTripCounter counter = RoundTripCounter.inFrontOf(database.application())) {
            TenantContext counted = TenantContext.of(counter.through(database.application()).dataSource(), signing);
            RoundTripCounter.Counted<String> call = counter.counted(() -> counted.call(mine, "ana@books.example",
                    transaction -> text(transaction, CURRENT_TENANT)
                            + " " + text(transaction, "select current_setting('app.actor')")));
            inside = call.result();
            roundTrips = call.roundTrips();
        }

        assertThat(inside).isEqualTo(mine.value() + " ana@books.example");
        List<String> first = roundTrips.stream().filter(trip -> trip.statements().contains("BEGIN")).findFirst()
                .orElseThrow().statements();
        assertThat(first).containsSubsequence("BEGIN", "select public.require_tenant() from (select set_config($1, $2, "
                + "true), set_config('app.actor', coalesce($3, ''), true) offset 0) tenant", "select "
                + "public.current_tenant_id()::text");
        assertThat(roundTrips).flatMap(RoundTrip::statements).noneMatch(statement -> statement.contains(
                mine.value().toString()) || statement.contains("ana@books.example") || statement.contains("v1."));
    }

    @Test
    void a_key_the_database_does_not_have_is_refused_at_the_first_statement_which_does_not_run() {
        TenantKey unknown = TenantKey.parse("not-installed:" + "ab".repeat(32));
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> TenantContext.of(application, TenantSigning.signed(unknown)).run(mine, tx -> {
            tx.execute("insert into clients (user_id, id, name, email) values (?, ?, 'Acme', 'a@acme.example')",
                    mine.value(), UUID.randomUUID());
            ran.add("after the first statement");
        }))
                .isInstanceOf(TenantTokenRefusedException.class)
                .hasMessage("the database refused the tenant context: the tenant token is signed with key not-installed, "
                        + "which this database does not have")
                .hasMessageNotContaining("ab".repeat(32));
        assertThat(ran).isEmpty();
    }

    @Test
    void an_unsigned_tenant_is_refused_by_a_database_that_requires_signed_ones() {
        assertThatThrownBy(() -> TenantContext.of(application, TenantSigning.unsigned()).call(mine,
                transaction -> transaction.fetch("select id from users").size()))
                .isInstanceOf(TenantTokenRefusedException.class)
                .hasMessageContaining("requires a signed tenant token");
    }

    @Test
    void work_sees_its_own_tenant_only() {
        List<UUID> users = context.call(mine, transaction -> transaction.fetch("select id from users").getValues(0, UUID.class));

        assertThat(users).containsExactly(mine.value());
    }

    /** How tenant work can end. */
    enum Ending {
        COMMIT, EXCEPTION, SQL_ERROR;

        void end(DSLContext transaction) {
            switch (this) {
                case COMMIT -> {
                    // The work returns normally.
                }
                case EXCEPTION -> throw new IllegalStateException("the work failed");
                case SQL_ERROR -> transaction.execute("select 1 / 0");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void the_tenant_ends_with_the_transaction_on_the_same_connection(Ending ending) {
        try (HikariDataSource pool = poolOfOne()) {
            DSLContext afterwards = DSL.using(pool, SQLDialect.POSTGRES);
            String session = text(afterwards, "select pg_backend_pid()::text");
            try {
                TenantContext.of(pool, signing).run(mine, ending::end);
            } catch (IllegalStateException | DataAccessException expected) {
                // The endings that roll back; what matters is the connection afterwards.
            }

            assertThat(text(afterwards, "select pg_backend_pid()::text")).isEqualTo(session);
            assertThat(text(afterwards, CURRENT_TENANT)).isNull();
            assertThat(count(afterwards, "select count(*) from users")).isZero();
        }
    }

    @Test
    void work_that_throws_is_rolled_back_and_its_exception_reaches_the_caller_unchanged() {
        UUID client = UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> context.run(mine, transaction -> {
            insertClient(transaction, mine, client);
            throw failure;
        })).isSameAs(failure);

        assertThat(clientExists(mine, client)).isFalse();
    }

    @Test
    void a_nested_call_for_the_same_tenant_joins_the_transaction_as_a_savepoint() {
        UUID kept = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();

        context.run(mine, outer -> {
            insertClient(outer, mine, kept);
            assertThatThrownBy(() -> context.run(mine, inner -> {
                // Same transaction: the outer work's uncommitted row is visible here.
                assertThat(count(inner, "select count(*) from clients where id = ?", kept)).isOne();
                assertThat(context.currentTenant()).contains(mine);
                insertClient(inner, mine, rolledBack);
                throw new IllegalStateException("roll back to the savepoint");
            })).hasMessage("roll back to the savepoint");
            assertThat(text(outer, CURRENT_TENANT)).isEqualTo(mine.value().toString());
        });

        assertThat(clientExists(mine, kept)).isTrue();
        assertThat(clientExists(mine, rolledBack)).isFalse();
    }

    @Test
    void a_nested_call_for_another_tenant_is_refused_before_it_runs() {
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> context.run(mine, outer -> context.run(other, inner -> ran.add("inner work"))))
                .isInstanceOfSatisfying(TenantSwitchException.class, refused -> {
                    assertThat(refused.open()).isEqualTo(mine.value());
                    assertThat(refused.requested()).isEqualTo(other.value());
                })
                .hasMessageContainingAll(mine.value().toString(), other.value().toString());
        assertThat(ran).isEmpty();
        assertThat(context.currentTenant()).isEmpty();
    }

    @Test
    void a_null_tenant_or_work_is_refused_before_any_statement() {
        statements.clear();

        assertThatThrownBy(() -> context.call(null, transaction -> 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("tenant is null");
        assertThatThrownBy(() -> context.run(null, transaction -> { })).isInstanceOf(NullPointerException.class)
                .hasMessage("tenant is null");
        assertThatThrownBy(() -> context.call(mine, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("work is null");
        assertThat(statements).isEmpty();
    }

    @Test
    void the_current_tenant_is_known_inside_the_work_of_this_context_only() {
        TenantContext another = TenantContext.of(application, signing);

        assertThat(context.currentTenant()).isEmpty();
        context.run(mine, transaction -> {
            assertThat(context.currentTenant()).contains(mine);
            assertThat(another.currentTenant()).isEmpty();
        });
        assertThat(context.currentTenant()).isEmpty();
    }

    @Test
    void a_context_for_another_dialect_is_refused() {
        assertThatThrownBy(() -> TenantContext.of(DSL.using(SQLDialect.H2), signing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsl must use SQLDialect.POSTGRES (the tenant is a PostgreSQL setting read by "
                        + "row-level security policies), was H2");
    }

    /** A context on a connection the service holds in a transaction of its own (autocommit off). */
    @Test
    void on_the_services_open_transaction_work_joins_it_commits_nothing_and_refuses_a_second_tenant()
            throws SQLException {
        UUID joinedClient = UUID.randomUUID();
        try (Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            TenantContext joining = TenantContext.of(DSL.using(connection, SQLDialect.POSTGRES), signing);

            joining.run(mine, transaction -> insertClient(transaction, mine, joinedClient));
            String setAfterwards = text(DSL.using(connection, SQLDialect.POSTGRES), CURRENT_TENANT);
            assertThatThrownBy(() -> joining.run(other, transaction -> transaction.fetch("select 1")))
                    .isInstanceOf(TenantSwitchException.class);
            String setAfterTheRefusal = text(DSL.using(connection, SQLDialect.POSTGRES), CURRENT_TENANT);
            connection.rollback();

            assertThat(setAfterwards).isEqualTo(mine.value().toString());
            assertThat(setAfterTheRefusal).as("the refused call's setting is rolled back with its savepoint")
                    .isEqualTo(mine.value().toString());
        }
        assertThat(clientExists(mine, joinedClient)).as("the service rolled back; the context committed nothing")
                .isFalse();
    }

    @Test
    void failed_work_in_the_services_transaction_rolls_back_to_its_savepoint_only() throws SQLException {
        UUID kept = UUID.randomUUID();
        UUID undone = UUID.randomUUID();
        try (Connection connection = application.getConnection()) {
            connection.setAutoCommit(false);
            TenantContext joining = TenantContext.of(DSL.using(connection, SQLDialect.POSTGRES), signing);

            joining.run(mine, transaction -> insertClient(transaction, mine, kept));
            assertThatThrownBy(() -> joining.run(mine, transaction -> {
                insertClient(transaction, mine, undone);
                throw new IllegalStateException("the work fails");
            })).isInstanceOf(IllegalStateException.class);
            connection.commit();
        }
        assertThat(clientExists(mine, kept)).isTrue();
        assertThat(clientExists(mine, undone)).isFalse();
    }

    /** A pool of exactly one connection: every borrower gets the session the previous one returned. */
    private HikariDataSource poolOfOne() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(application);
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    private static String text(DSLContext context, String sql, Object... binds) {
        return context.fetchSingle(sql, binds).get(0, String.class);
    }

    private static long count(DSLContext context, String sql, Object... binds) {
        return context.fetchSingle(sql, binds).get(0, Long.class);
    }

    private static void insertClient(DSLContext transaction, TenantId tenant, UUID client) {
        transaction.execute("insert into clients (user_id, id, name, email) values (?, ?, 'Client', 'client@example.com')",
                tenant.value(), client);
    }

    private boolean clientExists(TenantId tenant, UUID client) {
        return context.call(tenant,
                transaction -> count(transaction, "select count(*) from clients where id = ?", client) == 1);
    }
}
