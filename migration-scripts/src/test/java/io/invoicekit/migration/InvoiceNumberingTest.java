package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database numbers an invoice as it is issued (issue_invoice, V11), never before: a draft has
 * no number; each series of a tenant counts on its own, gapless among committed transactions,
 * race-free, past 999999, restarting each year where its pattern says so; numbered invoices are
 * never deleted; issue dates never go backwards in a series. Run as the application role, which
 * sets its tenant per transaction and may neither write a number nor move a counter.
 */
@ExtendWith(TestDatabaseExtension.class)
class InvoiceNumberingTest {

    private static final int SESSIONS = 8;
    private static final int ISSUES_PER_SESSION = 50;
    private static final LocalDate DAY = Tenant.ISSUE_DATE;

    private final Sql owner;
    private final Sql application;

    InvoiceNumberingTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.asApplication(database);
    }

    /** A tenant of the test and its client, made by the owner; the application writes its invoices. */
    private record Books(Tenant tenant, UUID client) {

        static Books create(Sql owner) throws SQLException {
            Tenant tenant = Tenant.create(owner);
            return new Books(tenant, owner.insert(tenant.client()));
        }

        /** Stores a draft with its line in a transaction of the tenant; returns its id. */
        UUID storeDraft(Sql sql) throws SQLException {
            return sql.inTenantTransaction(tenant.id(), transaction -> tenant.invoiceWithLine(transaction, client, "draft"));
        }

        /** Issues a draft in a transaction of the tenant, in {@code series} (null: the default); its number. */
        String issue(Sql sql, UUID draft, UUID series, LocalDate day) throws SQLException {
            return sql.inTenantTransaction(tenant.id(), transaction -> tenant.issue(transaction, draft, series, day));
        }

        /** Stores a draft and issues it on {@link #DAY}, both in the caller's transaction: its number. */
        String issueNew(Sql transaction) throws SQLException {
            return issueNew(transaction, null, DAY);
        }

        String issueNew(Sql transaction, UUID series, LocalDate day) throws SQLException {
            tenant.setAsTenant(transaction);
            UUID draft = tenant.invoiceWithLine(transaction, client, "draft");
            return tenant.issue(transaction, draft, series, day);
        }

        /** Adds a series as the application does, in a transaction of the tenant; returns its id. */
        UUID addSeries(Sql sql, Row series) throws SQLException {
            return sql.inTenantTransaction(tenant.id(), transaction -> transaction.insert(series));
        }

        /** What the invoice's row says of its number, as the owner sees it. */
        Numbered numbered(Sql owner, UUID invoice) throws SQLException {
            return owner.one("select status, invoice_number, series_id, sequence_number from invoices"
                            + " where user_id = ? and id = ?",
                    row -> new Numbered(row.getString(1), row.getString(2), row.getObject(3, UUID.class),
                            row.getObject(4, Long.class)),
                    tenant.id(), invoice);
        }
    }

    private record Numbered(String status, String number, UUID series, Long sequence) {
        static final Numbered UNNUMBERED_DRAFT = new Numbered("draft", null, null, null);
    }

    @Test
    void a_new_tenant_has_a_default_invoice_series_that_starts_at_inv_000001() throws SQLException {
        UUID id = UUID.randomUUID();
        // The application signs a tenant up as that tenant (users is isolated by id).
        application.inTenantTransaction(id, transaction -> transaction.update(
                "insert into users (id, name, email) values (?, ?, ?)", id, "Tenant " + id, id + "@tenant.example"));
        Books books = new Books(new Tenant(id), owner.insert(new Tenant(id).client()));

        record Series(String name, String prefix, String pattern, String resetPeriod, long lastNumber) {
        }
        List<Series> series = owner.list("select name, prefix, pattern, reset_period, last_number from invoice_series"
                        + " where user_id = ? and document_kind = 'invoice' and is_default",
                row -> new Series(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5)),
                id);

        String first = application.inTransaction(books::issueNew);

        assertThat(series).containsExactly(new Series("Invoices", "INV-", "{prefix}{seq:6}", "never", 0));
        assertThat(first).isEqualTo("INV-000001");
    }

    @Test
    void a_draft_has_no_number_until_it_is_issued_in_the_default_series() throws SQLException {
        Books books = Books.create(owner);
        UUID draft = books.storeDraft(application);
        Numbered beforeIssue = books.numbered(owner, draft);

        String number = books.issue(application, draft, null, DAY);

        assertThat(beforeIssue).isEqualTo(Numbered.UNNUMBERED_DRAFT);
        assertThat(number).isEqualTo("INV-000001");
        assertThat(books.numbered(owner, draft))
                .isEqualTo(new Numbered("sent", "INV-000001", books.tenant().defaultSeries(owner), 1L));
    }

    @Test
    void issuing_dates_the_invoice_and_copies_seller_and_buyer_as_they_are_that_day() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        application.inTenantTransaction(id, transaction -> transaction.update(
                "update users set legal_name = 'Tenant Ltd', address = '1 Main St', vat_id = 'GB123' where id = ?", id));
        application.inTenantTransaction(id, transaction -> transaction.update(
                "update clients set address = '2 High St', tax_id = 'DE456' where user_id = ? and id = ?", id, books.client()));
        UUID draft = books.storeDraft(application);

        books.issue(application, draft, null, DAY.plusDays(5));
        application.inTenantTransaction(id, transaction -> transaction.update(
                "update clients set name = 'Acme Renamed', address = '3 New St' where user_id = ? and id = ?",
                id, books.client()));

        record Issued(LocalDate issueDate, LocalDate dueDate, String seller, String sellerAddress, String sellerVatId,
                      String buyer, String buyerAddress, String buyerVatId, boolean hasIssuedAt) {
        }
        Issued issued = owner.one("select issue_date, due_date, seller_name, seller_address, seller_vat_id,"
                        + " buyer_name, buyer_address, buyer_vat_id, issued_at is not null"
                        + " from invoices where user_id = ? and id = ?",
                row -> new Issued(row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getBoolean(9)),
                id, draft);

        // The draft was due 30 days after its date: so is the invoice, after the day it was issued.
        assertThat(issued).isEqualTo(new Issued(DAY.plusDays(5), DAY.plusDays(35), "Tenant Ltd", "1 Main St", "GB123",
                "Acme Ltd", "2 High St", "DE456", true));
    }

    @Test
    void each_tenant_counts_its_own_numbers_from_inv_000001() throws SQLException {
        Books a = Books.create(owner);
        Books b = Books.create(owner);

        List<String> numbers = new ArrayList<>();
        for (Books books : List.of(a, a, b, a, b)) {
            numbers.add((books == a ? "A " : "B ") + application.inTransaction(books::issueNew));
        }

        assertThat(numbers).containsExactly(
                "A INV-000001", "A INV-000002", "B INV-000001", "A INV-000003", "B INV-000002");
    }

    @Test
    void a_number_issued_in_a_rolled_back_transaction_is_given_again() throws SQLException {
        Books books = Books.create(owner);

        String committed = application.inTransaction(books::issueNew);
        String rolledBack = application.inRolledBackTransaction(books::issueNew);
        String next = application.inTransaction(books::issueNew);

        assertThat(List.of(committed, rolledBack, next)).containsExactly("INV-000001", "INV-000002", "INV-000002");
    }

    @Test
    void discarding_a_draft_without_a_number_leaves_no_gap() throws SQLException {
        Books books = Books.create(owner);
        UUID issued = books.storeDraft(application);
        UUID discarded = books.storeDraft(application);
        String first = books.issue(application, issued, null, DAY);

        int deleted = application.inTenantTransaction(books.tenant().id(), transaction -> transaction.update(
                "delete from invoices where user_id = ? and id = ?", books.tenant().id(), discarded));
        String next = application.inTransaction(books::issueNew);

        assertThat(deleted).isOne();
        assertThat(List.of(first, next)).containsExactly("INV-000001", "INV-000002");
        assertThat(owner.one("select count(*) from invoices where user_id = ? and id = ?", Long.class,
                books.tenant().id(), discarded)).isZero();
    }

    @Test
    void an_invoice_with_a_number_is_never_deleted() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.storeDraft(application);
        books.issue(application, invoice, null, DAY);

        Violation refused = Violation.raisedBy(() -> application.inTenantTransaction(books.tenant().id(),
                transaction -> transaction.update("delete from invoices where user_id = ? and id = ?",
                        books.tenant().id(), invoice)));

        assertThat(refused).isEqualTo(Violation.check("invoices_numbered_kept"));
        assertThat(books.numbered(owner, invoice).number()).isEqualTo("INV-000001");
    }

    @Test
    void a_second_series_counts_on_its_own() throws SQLException {
        Books books = Books.create(owner);
        UUID export = books.addSeries(application, books.tenant().series());

        List<String> numbers = new ArrayList<>();
        for (UUID series : Arrays.asList(null, export, null, export, export)) {
            numbers.add(application.inTransaction(transaction -> books.issueNew(transaction, series, DAY)));
        }

        assertThat(numbers).containsExactly("INV-000001", "EXP-0001", "INV-000002", "EXP-0002", "EXP-0003");
    }

    @Test
    void a_yearly_series_starts_again_at_1_with_the_new_year_in_its_numbers() throws SQLException {
        Books books = Books.create(owner);
        UUID yearly = books.addSeries(application, books.tenant().series()
                .with("name", "Yearly").with("prefix", "F").with("pattern", "{prefix}{yyyy}-{seq:6}")
                .with("reset_period", "yearly"));
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);

        List<String> numbers = new ArrayList<>();
        for (LocalDate day : List.of(newYearsEve, newYearsEve, newYearsEve.plusDays(1), newYearsEve.plusDays(1))) {
            numbers.add(application.inTransaction(transaction -> books.issueNew(transaction, yearly, day)));
        }

        assertThat(numbers).containsExactly("F2026-000001", "F2026-000002", "F2027-000001", "F2027-000002");
    }

    @Test
    void numbering_goes_on_past_999999_and_is_never_truncated() throws SQLException {
        Books books = Books.create(owner);
        // Only the database moves a counter: the owner sets it where a busy tenant's would be.
        owner.update("update invoice_series set last_number = 999998 where user_id = ? and id = ?",
                books.tenant().id(), books.tenant().defaultSeries(owner));

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(application.inTransaction(books::issueNew));
        }

        assertThat(numbers).containsExactly("INV-999999", "INV-1000000", "INV-1000001");
        assertThat(owner.list("select invoice_number from invoices where user_id = ? order by sequence_number",
                String.class, books.tenant().id())).containsExactly("INV-999999", "INV-1000000", "INV-1000001");
    }

    @Test
    void an_issue_date_before_the_last_of_its_series_is_refused() throws SQLException {
        Books books = Books.create(owner);
        books.issue(application, books.storeDraft(application), null, DAY);
        UUID backdated = books.storeDraft(application);
        UUID export = books.addSeries(application, books.tenant().series());

        Violation refused = Violation.raisedBy(() -> books.issue(application, backdated, null, DAY.minusDays(1)));
        Numbered afterRefusal = books.numbered(owner, backdated);
        // The same day is not before it; and another series has dates of its own.
        String sameDay = books.issue(application, backdated, null, DAY);
        String dayBeforeInAnotherSeries = application.inTransaction(transaction ->
                books.issueNew(transaction, export, DAY.minusDays(1)));

        assertThat(refused).isEqualTo(Violation.check("invoice_series_dates_ascending"));
        assertThat(afterRefusal).isEqualTo(Numbered.UNNUMBERED_DRAFT);
        assertThat(List.of(sameDay, dayBeforeInAnotherSeries)).containsExactly("INV-000002", "EXP-0001");
    }

    @Test
    void a_new_pattern_numbers_the_invoices_issued_after_it_and_leaves_the_issued_ones_alone() throws SQLException {
        Books books = Books.create(owner);
        UUID first = books.storeDraft(application);
        books.issue(application, first, null, DAY);

        application.inTenantTransaction(books.tenant().id(), transaction -> transaction.update(
                "update invoice_series set prefix = 'N-', pattern = '{prefix}{yyyy}/{seq:3}' where user_id = ? and id = ?",
                books.tenant().id(), books.tenant().defaultSeries(transaction)));
        String next = application.inTransaction(books::issueNew);

        assertThat(books.numbered(owner, first).number()).isEqualTo("INV-000001");
        assertThat(next).isEqualTo("N-2025/002");
    }

    /**
     * Eight sessions of the application issue new invoices for one tenant at once, each in its
     * own transaction; with rollBackEvery n, every n-th transaction of a session rolls back after
     * issuing.
     */
    @ParameterizedTest(name = "every {0}th transaction rolled back (0: none)")
    @ValueSource(ints = {0, 5})
    void concurrent_issues_commit_every_number_once_without_a_gap(int rollBackEvery) throws Exception {
        Books books = Books.create(owner);
        List<String> committed = application.inConcurrentSessions(SESSIONS, session -> {
            List<String> numbers = new ArrayList<>();
            for (int issue = 1; issue <= ISSUES_PER_SESSION; issue++) {
                if (rollBackEvery > 0 && issue % rollBackEvery == 0) {
                    session.inRolledBackTransaction(books::issueNew);
                } else {
                    numbers.add(session.inTransaction(books::issueNew));
                }
            }
            return numbers;
        });

        int rolledBackPerSession = rollBackEvery == 0 ? 0 : ISSUES_PER_SESSION / rollBackEvery;
        int expectedCount = SESSIONS * (ISSUES_PER_SESSION - rolledBackPerSession);
        assertThat(committed).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, expectedCount).mapToObj("INV-%06d"::formatted).toList());
    }

    @Test
    void the_application_role_can_neither_issue_another_tenants_draft_nor_number_in_its_series() throws SQLException {
        Books mine = Books.create(owner);
        Books other = Books.create(owner);
        UUID othersDraft = other.storeDraft(application);
        UUID myDraft = mine.storeDraft(application);

        // issue_invoice finds no such draft for the tenant set: it returns no version.
        Long issuedOthers = application.inTenantTransaction(mine.tenant().id(), transaction -> transaction.one(
                "select issue_invoice(?, 0, null, ?)", Long.class, othersDraft, DAY));
        Violation inOthersSeries = Violation.raisedBy(() ->
                mine.issue(application, myDraft, other.tenant().defaultSeries(owner), DAY));

        assertThat(issuedOthers).isNull();
        assertThat(inOthersSeries).isEqualTo(Violation.foreignKey("invoices_series_fk"));
        assertThat(List.of(other.numbered(owner, othersDraft), mine.numbered(owner, myDraft)))
                .containsOnly(Numbered.UNNUMBERED_DRAFT);
        assertThat(other.issue(application, othersDraft, null, DAY)).isEqualTo("INV-000001");
    }

    @Test
    void the_application_role_can_neither_choose_a_number_nor_move_a_counter() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        application.inTransaction(books::issueNew);
        UUID draft = books.storeDraft(application);

        Violation chosen = Violation.raisedBy(() -> application.inTenantTransaction(id, transaction ->
                transaction.insert(books.tenant().invoice(books.client()).with("invoice_number", "INV-000042"))));
        Violation renumbered = Violation.raisedBy(() -> application.inTenantTransaction(id, transaction ->
                transaction.update("update invoices set invoice_number = 'INV-000042' where user_id = ? and id = ?",
                        id, draft)));
        Violation sentByHand = Violation.raisedBy(() -> application.inTenantTransaction(id, transaction ->
                transaction.update("update invoices set status = 'sent' where user_id = ? and id = ?", id, draft)));
        Violation rewound = Violation.raisedBy(() -> application.inTenantTransaction(id, transaction ->
                transaction.update("update invoice_series set last_number = 0 where user_id = ?", id)));

        assertThat(List.of(chosen, renumbered, sentByHand, rewound)).containsOnly(Violation.noPrivilege());
        assertThat(books.issue(application, draft, null, DAY)).isEqualTo("INV-000002");
    }
}
