package io.invoicekit.persistence;

import static io.invoicekit.persistence.TypedFailures.assertTyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.invoicekit.core.failure.ConcurrencyConflictException;
import io.invoicekit.core.failure.ConstraintViolationException;
import io.invoicekit.core.failure.DatabaseException;
import io.invoicekit.core.failure.TenantAccessDeniedException;
import io.invoicekit.core.failure.UnclassifiedDatabaseException;
import io.invoicekit.core.failure.UnstorableValueException;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import io.invoicekit.rls.TenantSigning;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/**
 * Real PostgreSQL errors, provoked as the application role, become the typed exceptions by
 * SQLSTATE and constraint name.
 */
@ExtendWith(TestDatabaseExtension.class)
class DatabaseErrorsTest {

    private final DSLContext owner;
    private final DSLContext application;
    private final TenantSigning signing;
    private final DatabaseErrors errors;
    private final UUID tenant = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    DatabaseErrorsTest(MigratedDatabase database) {
        this.owner = DSL.using(database.ownerDataSource(), SQLDialect.POSTGRES);
        this.application = DSL.using(database.applicationDataSource(), SQLDialect.POSTGRES);
        this.signing = StoreFixture.signing(database);
        this.errors = new DatabaseErrors(new RuleWordings(application));
        owner.execute("insert into users (id, name, email) values (?, 'T', 't@example.com')", tenant);
        owner.execute("insert into clients (user_id, id, name, email) values (?, ?, 'C', 'c@example.com')",
                tenant, client);
    }

    @Test
    void a_check_violation_names_the_constraint_and_the_rule() {
        RuntimeException error = asTenant(tx -> tx.execute(
                "update clients set payment_terms_days = 400 where user_id = ? and id = ?", tenant, client));

        assertThat(error).isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.CHECK);
            assertThat(e.sqlState()).isEqualTo("23514");
            assertThat(e.table()).isEqualTo("clients");
            assertThat(e.constraint()).isEqualTo("clients_payment_terms_range");
            assertThat(e.getMessage()).contains("paymentTermsDays must be between 0 and 365");
        });
    }

    @Test
    void a_foreign_key_to_another_tenants_row_is_a_foreign_key_violation() {
        UUID strangersClient = UUID.randomUUID();
        RuntimeException error = asTenant(tx -> tx.execute("""
                insert into invoices (user_id, id, client_id, currency, issue_date, due_date)
                values (?, ?, ?, 'EUR', current_date, current_date)""",
                tenant, UUID.randomUUID(), strangersClient));

        assertThat(error).isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY);
            assertThat(e.constraint()).isEqualTo("invoices_client_fk");
        });
    }

    @Test
    void a_missing_value_names_the_column() {
        RuntimeException error = asTenant(tx -> tx.execute(
                "insert into clients (user_id, id, name, email) values (?, ?, 'X', null)", tenant, UUID.randomUUID()));

        assertThat(error).isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(ConstraintViolationException.Kind.NOT_NULL);
            assertThat(e.rule()).isEqualTo("email is required");
        });
    }

    @Test
    void a_row_carrying_another_tenants_key_is_refused_by_row_level_security() {
        RuntimeException error = asTenant(tx -> tx.execute(
                "insert into clients (user_id, id, name, email) values (?, ?, 'X', 'x@example.com')",
                UUID.randomUUID(), UUID.randomUUID()));

        assertThat(error).isInstanceOf(TenantAccessDeniedException.class);
        assertThat(((DatabaseException) error).sqlState()).isEqualTo("42501");
    }

    @Test
    void a_lock_not_granted_in_time_is_a_lock_timeout() {
        RuntimeException error = owner.transactionResult(holder -> {
            holder.dsl().execute("select 1 from clients where user_id = ? and id = ? for update", tenant, client);
            return asTenant(tx -> {
                tx.execute("set local lock_timeout = '50ms'");
                tx.execute("update clients set name = 'Y' where user_id = ? and id = ?", tenant, client);
            });
        });

        assertThat(error).isInstanceOfSatisfying(ConcurrencyConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConcurrencyConflictException.Reason.LOCK_TIMEOUT));
    }

    @Test
    void a_rule_a_trigger_keeps_is_worded_by_the_trigger() {
        UUID invoice = draftInvoice();
        RuntimeException error = errors.translate(catchRuntimeException(() -> owner.execute(
                "update invoices set invoice_number = 'INV-000099' where user_id = ? and id = ?", tenant, invoice)));

        assertThat(error).isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
            assertThat(e.constraint()).isEqualTo("invoices_identity_frozen");
            assertThat(e.rule()).isEqualTo("the tenant, id and number of an invoice never change");
        });
    }

    @Test
    void any_other_database_error_is_unclassified_with_postgresqls_message_alone() {
        RuntimeException error = asTenant(tx -> tx.execute("select 1 / 0"));

        assertTyped(error, UnclassifiedDatabaseException.class, false, "22012");
        assertThat(error).hasMessage("division by zero (SQLSTATE 22012)").hasCauseInstanceOf(PSQLException.class);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            select 12345678901::numeric(12,2)                                   | 22003 | NUMBER_OUT_OF_RANGE
            select date '5874898-01-01'                                         | 22008 | DATETIME_OUT_OF_RANGE
            update invoices set currency = 'EURO' where user_id = ?::uuid       | 22001 | TEXT_TOO_LONG
            select convert_from('\\xff'::bytea, 'UTF8')                         | 22021 | CHARACTER_NOT_STORABLE
            """)
    void a_value_the_database_cannot_store_is_unstorable_without_the_value(
            String statement, String sqlState, UnstorableValueException.Reason reason) {
        draftInvoice(); // a row for the update to refuse
        RuntimeException error = asTenant(tx -> tx.execute(statement, statement.contains("?") ? new Object[] {tenant}
                : new Object[0]));

        var unstorable = assertTyped(error, UnstorableValueException.class, false, sqlState);
        assertThat(unstorable.reason()).isEqualTo(reason);
        assertThat(unstorable.getMessage()).doesNotContain("12345678901", "5874898", "EURO", "xff");
    }

    @Test
    void a_nul_character_in_a_bound_text_is_unstorable() {
        RuntimeException error = asTenant(tx -> tx.execute(
                "update clients set name = ? where user_id = ? and id = ?", "Acme\u0000", tenant, client));

        var unstorable = assertTyped(error, UnstorableValueException.class, false, "22021");
        assertThat(unstorable.reason()).isEqualTo(UnstorableValueException.Reason.CHARACTER_NOT_STORABLE);
    }

    @Test
    void a_deferred_constraint_refused_at_commit_is_a_definite_violation_not_an_unknown_outcome() {
        RuntimeException atCommit = catchRuntimeException(() -> application.transaction(configuration -> {
            configuration.dsl().execute("select set_config(?, ?, true)", signing.setting(),
                    signing.value(tenant, Instant.now()));
            // A subtotal no lines add up to: accepted now, refused by a deferred constraint trigger at COMMIT.
            configuration.dsl().execute("""
                    insert into invoices (user_id, id, client_id, currency, issue_date, due_date, subtotal, total)
                    values (?, ?, ?, 'EUR', current_date, current_date, 10, 10)""", tenant, UUID.randomUUID(), client);
        }));

        RuntimeException error = errors.translateAtCommit(atCommit);

        var violation = assertTyped(error, ConstraintViolationException.class, false, "23514");
        assertThat(violation.constraint()).isEqualTo("invoices_totals_match_lines");
    }

    @Test
    void a_failure_of_jooq_itself_is_unclassified_and_no_jooq_type() {
        RuntimeException error = errors.translate(catchRuntimeException(
                () -> application.fetchSingle("select 1 union all select 2")));

        assertTyped(error, UnclassifiedDatabaseException.class, false, (String) null);
        assertThat(error).hasMessage("the database layer failed: TooManyRowsException");
    }

    /** A draft invoice of the tenant's, written by the owner. */
    private UUID draftInvoice() {
        UUID invoice = UUID.randomUUID();
        owner.execute("""
                insert into invoices (user_id, id, client_id, currency, issue_date, due_date)
                values (?, ?, ?, 'EUR', current_date, current_date)""", tenant, invoice, client);
        return invoice;
    }

    private RuntimeException asTenant(Consumer<DSLContext> statement) {
        RuntimeException raw = catchRuntimeException(() -> application.transaction(configuration -> {
            configuration.dsl().execute("select set_config(?, ?, true)", signing.setting(),
                    signing.value(tenant, Instant.now()));
            statement.accept(configuration.dsl());
        }));
        return errors.translate(raw);
    }
}
