package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testdb.MigratedDatabase;
import io.invoicekit.testdb.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database numbers an invoice as it is stored (number_new_invoice): per tenant, gapless among
 * committed transactions, race-free, past INV-999999, under row-level security only for the
 * tenant the transaction is set to, and never by the application role's own hand.
 */
@ExtendWith(TestDatabaseExtension.class)
class InvoiceNumberingTest {

    private static final int SESSIONS = 8;
    private static final int ALLOCATIONS_PER_SESSION = 50;

    private final Sql owner;
    private final Sql application;

    InvoiceNumberingTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.on(database.applicationDataSource());
    }

    /** A tenant of the test and its client, whose empty drafts take the numbers. */
    private record Books(Tenant tenant, UUID client) {

        static Books create(Sql owner) throws SQLException {
            Tenant tenant = Tenant.create(owner);
            return new Books(tenant, owner.insert(tenant.client()));
        }

        /** Stores an empty draft (no lines, nothing to pay) and returns the number it was given. */
        String storeDraft(Sql sql) throws SQLException {
            return sql.insertReturning(emptyDraft(), "invoice_number", String.class);
        }

        Row emptyDraft() {
            return tenant.invoice(client).with("subtotal", BigDecimal.ZERO).with("total", BigDecimal.ZERO);
        }
    }

    @Test
    void each_tenant_counts_its_own_numbers_from_inv_000001() throws SQLException {
        Books a = Books.create(owner);
        Books b = Books.create(owner);

        List<String> numbers = new ArrayList<>();
        for (Books books : List.of(a, a, b, a, b)) {
            numbers.add((books == a ? "A " : "B ") + books.storeDraft(owner));
        }

        assertThat(numbers).containsExactly(
                "A INV-000001", "A INV-000002", "B INV-000001", "A INV-000003", "B INV-000002");
    }

    @Test
    void a_number_stored_in_a_rolled_back_transaction_is_given_again() throws SQLException {
        Books books = Books.create(owner);

        String committed = owner.inTransaction(books::storeDraft);
        String rolledBack = owner.inRolledBackTransaction(books::storeDraft);
        String next = owner.inTransaction(books::storeDraft);

        assertThat(List.of(committed, rolledBack, next)).containsExactly("INV-000001", "INV-000002", "INV-000002");
    }

    @Test
    void numbering_goes_on_past_inv_999999() throws SQLException {
        Books books = Books.create(owner);
        owner.update("insert into invoice_number_counters (user_id, last_value) values (?, 999998)", books.tenant().id());

        assertThat(List.of(books.storeDraft(owner), books.storeDraft(owner))).containsExactly("INV-999999", "INV-1000000");
        assertThat(owner.list("select invoice_number from invoices where user_id = ? order by invoice_number",
                String.class, books.tenant().id())).containsExactly("INV-1000000", "INV-999999");
    }

    /**
     * Eight sessions store drafts for one tenant at once, each its own transaction; with
     * rollBackEvery n, every n-th transaction of a session rolls back after storing.
     */
    @ParameterizedTest(name = "every {0}th transaction rolled back (0: none)")
    @ValueSource(ints = {0, 5})
    void concurrent_drafts_commit_every_number_once_without_a_gap(int rollBackEvery) throws Exception {
        Books books = Books.create(owner);
        List<String> committed = owner.inConcurrentSessions(SESSIONS, session -> {
            List<String> numbers = new ArrayList<>();
            for (int allocation = 1; allocation <= ALLOCATIONS_PER_SESSION; allocation++) {
                if (rollBackEvery > 0 && allocation % rollBackEvery == 0) {
                    session.inRolledBackTransaction(books::storeDraft);
                } else {
                    numbers.add(session.inTransaction(books::storeDraft));
                }
            }
            return numbers;
        });

        int rolledBackPerSession = rollBackEvery == 0 ? 0 : ALLOCATIONS_PER_SESSION / rollBackEvery;
        int expectedCount = SESSIONS * (ALLOCATIONS_PER_SESSION - rolledBackPerSession);
        assertThat(committed).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, expectedCount).mapToObj("INV-%06d"::formatted).toList());
    }

    @Test
    void the_application_role_gets_the_next_number_of_the_tenant_it_has_set() throws SQLException {
        Books books = Books.create(owner);
        books.storeDraft(owner);

        String stored = application.inTenantTransaction(books.tenant().id(), books::storeDraft);

        assertThat(stored).isEqualTo("INV-000002");
        assertThat(books.storeDraft(owner)).isEqualTo("INV-000003");
    }

    @ParameterizedTest(name = "the other tenant has numbers already: {0}")
    @ValueSource(booleans = {true, false})
    void the_application_role_cannot_take_a_number_of_another_tenant(boolean otherHasNumbers) throws SQLException {
        Books mine = Books.create(owner);
        Books other = Books.create(owner);
        if (otherHasNumbers) {
            other.storeDraft(owner);
        }

        Violation refused = Violation.raisedBy(() ->
                application.inTenantTransaction(mine.tenant().id(), other::storeDraft));

        assertThat(refused).isEqualTo(Violation.rowLevelSecurity());
        assertThat(other.storeDraft(owner)).isEqualTo(otherHasNumbers ? "INV-000002" : "INV-000001");
    }

    @Test
    void the_application_role_can_neither_choose_a_number_nor_move_a_counter() throws SQLException {
        Books books = Books.create(owner);
        books.storeDraft(owner);

        Violation chosen = Violation.raisedBy(() -> application.inTenantTransaction(books.tenant().id(),
                transaction -> transaction.insert(books.emptyDraft().with("invoice_number", "INV-000042"))));
        Violation rewound = Violation.raisedBy(() -> application.inTenantTransaction(books.tenant().id(),
                transaction -> transaction.update("update invoice_number_counters set last_value = 0")));

        assertThat(List.of(chosen, rewound)).containsOnly(Violation.noPrivilege());
        assertThat(books.storeDraft(owner)).isEqualTo("INV-000002");
    }
}
