package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testdb.MigratedDatabase;
import io.invoicekit.testdb.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * get_next_invoice_number: per tenant, gapless among committed transactions, race-free, past
 * INV-999999, and under row-level security only for the tenant the transaction is set to.
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

    @Test
    void each_tenant_counts_its_own_numbers_from_inv_000001() throws SQLException {
        Tenant a = Tenant.create(owner);
        Tenant b = Tenant.create(owner);

        List<String> numbers = new ArrayList<>();
        for (Tenant tenant : List.of(a, a, b, a, b)) {
            numbers.add((tenant == a ? "A " : "B ") + nextNumber(owner, tenant));
        }

        assertThat(numbers).containsExactly(
                "A INV-000001", "A INV-000002", "B INV-000001", "A INV-000003", "B INV-000002");
    }

    @Test
    void a_number_allocated_in_a_rolled_back_transaction_is_allocated_again() throws SQLException {
        Tenant tenant = Tenant.create(owner);

        String committed = owner.inTransaction(transaction -> nextNumber(transaction, tenant));
        String rolledBack = owner.inRolledBackTransaction(transaction -> nextNumber(transaction, tenant));
        String next = owner.inTransaction(transaction -> nextNumber(transaction, tenant));

        assertThat(List.of(committed, rolledBack, next)).containsExactly("INV-000001", "INV-000002", "INV-000002");
    }

    @Test
    void numbering_goes_on_past_inv_999999_and_the_invoice_accepts_the_longer_number() throws SQLException {
        Tenant tenant = Tenant.create(owner);
        owner.update("insert into invoice_number_counters (user_id, last_value) values (?, 999998)", tenant.id());

        String sixDigits = nextNumber(owner, tenant);
        String sevenDigits = nextNumber(owner, tenant);
        owner.insert(tenant.invoice(owner.insert(tenant.client()), sevenDigits));

        assertThat(List.of(sixDigits, sevenDigits)).containsExactly("INV-999999", "INV-1000000");
        assertThat(owner.list("select invoice_number from invoices where user_id = ?", String.class, tenant.id()))
                .containsExactly("INV-1000000");
    }

    /**
     * Eight sessions allocate for one tenant at once, each allocation its own transaction; with
     * rollBackEvery n, every n-th transaction of a session rolls back after allocating.
     */
    @ParameterizedTest(name = "every {0}th transaction rolled back (0: none)")
    @ValueSource(ints = {0, 5})
    void concurrent_allocations_commit_every_number_once_without_a_gap(int rollBackEvery) throws Exception {
        Tenant tenant = Tenant.create(owner);
        List<String> committed = owner.inConcurrentSessions(SESSIONS, session -> {
            List<String> numbers = new ArrayList<>();
            for (int allocation = 1; allocation <= ALLOCATIONS_PER_SESSION; allocation++) {
                if (rollBackEvery > 0 && allocation % rollBackEvery == 0) {
                    session.inRolledBackTransaction(transaction -> nextNumber(transaction, tenant));
                } else {
                    numbers.add(session.inTransaction(transaction -> nextNumber(transaction, tenant)));
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
    void the_application_role_allocates_the_next_number_of_the_tenant_it_has_set() throws SQLException {
        Tenant tenant = Tenant.create(owner);
        nextNumber(owner, tenant);

        String allocated = application.inTenantTransaction(tenant.id(), transaction -> nextNumber(transaction, tenant));

        assertThat(allocated).isEqualTo("INV-000002");
        assertThat(nextNumber(owner, tenant)).isEqualTo("INV-000003");
    }

    @ParameterizedTest(name = "the other tenant has numbers already: {0}")
    @ValueSource(booleans = {true, false})
    void the_application_role_cannot_allocate_a_number_of_another_tenant(boolean otherHasNumbers)
            throws SQLException {
        Tenant mine = Tenant.create(owner);
        Tenant other = Tenant.create(owner);
        if (otherHasNumbers) {
            nextNumber(owner, other);
        }

        Violation refused = Violation.raisedBy(() ->
                application.inTenantTransaction(mine.id(), transaction -> nextNumber(transaction, other)));

        assertThat(refused).isEqualTo(Violation.rowLevelSecurity());
        assertThat(nextNumber(owner, other)).isEqualTo(otherHasNumbers ? "INV-000002" : "INV-000001");
    }

    private static String nextNumber(Sql sql, Tenant tenant) throws SQLException {
        return sql.one("select get_next_invoice_number(?)", String.class, tenant.id());
    }
}
