package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credit notes and refunds (V12): an issued invoice is corrected by a credit note that the
 * database totals at the invoice's tax rate and numbers in the tenant's credit-note series; credit
 * notes never add up to more than the invoice, and once issued never change nor go away; money is
 * paid back by a refund against an issued credit note, never beyond what it credits and what was
 * paid beyond what is owed. Run as the application role, which writes drafts and refunds with its
 * tenant set per transaction; the owner arranges tenants and reads what was stored.
 */
@ExtendWith(TestDatabaseExtension.class)
class CreditNoteTest {

    private static final Violation BEYOND_THE_INVOICE = Violation.check("credit_notes_within_invoice");
    private static final Violation BEYOND_WHAT_IS_OWED_BACK = Violation.check("refunds_within_credit");
    private static final int SESSIONS = 8;
    private static final int CREDIT_NOTES_PER_SESSION = 20;

    private final Sql owner;
    private final Sql application;

    CreditNoteTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
        this.application = Sql.asApplication(database);
    }

    /** A tenant of the test and its client, made by the owner; the application writes the rest. */
    private record Books(Tenant tenant, UUID client) {

        static Books create(Sql owner) throws SQLException {
            Tenant tenant = Tenant.create(owner);
            return new Books(tenant, owner.insert(tenant.client()));
        }

        /** An invoice of 100.00 (untaxed) in {@code status}, as {@link Tenant#invoiceWithLine} makes it. */
        UUID invoice(Sql sql, String status) throws SQLException {
            return asTenant(sql, transaction -> tenant.invoiceWithLine(transaction, client, status));
        }

        /** Credits the invoice {@code amount} by a credit note of one line, in one transaction; its id. */
        UUID credit(Sql sql, UUID invoice, String amount) throws SQLException {
            return sql.inTransaction(transaction -> tenant.credit(transaction, invoice, amount));
        }

        UUID refund(Sql sql, UUID creditNote, UUID invoice, String amount) throws SQLException {
            return asTenant(sql, transaction -> transaction.insert(tenant.refund(creditNote, invoice, amount)));
        }

        UUID pay(Sql sql, UUID invoice, String amount) throws SQLException {
            return asTenant(sql, transaction -> transaction.insert(tenant.payment(invoice, new BigDecimal(amount))));
        }

        <T> T asTenant(Sql sql, Sql.SqlFunction<Sql, T> work) throws SQLException {
            return sql.inTenantTransaction(tenant.id(), work);
        }

        /** What payments, credit notes and refunds made of the invoice, as the owner sees it. */
        Settlement settlement(Sql owner, UUID invoice) throws SQLException {
            return owner.one("select amount_paid, amount_credited, status, paid_date is not null from invoices"
                            + " where user_id = ? and id = ?",
                    row -> new Settlement(row.getBigDecimal(1), row.getBigDecimal(2), row.getString(3), row.getBoolean(4)),
                    tenant.id(), invoice);
        }

        String number(Sql owner, UUID creditNote) throws SQLException {
            return owner.one("select credit_note_number from credit_notes where user_id = ? and id = ?", String.class,
                    tenant.id(), creditNote);
        }
    }

    private record Settlement(BigDecimal amountPaid, BigDecimal amountCredited, String status, boolean hasPaidDate) {
        Settlement(String amountPaid, String amountCredited, String status, boolean hasPaidDate) {
            this(new BigDecimal(amountPaid), new BigDecimal(amountCredited), status, hasPaidDate);
        }
    }

    @Test
    void a_full_credit_note_credits_the_whole_invoice_which_becomes_credited() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        application.inTenantTransaction(id, transaction -> transaction.update(
                "update users set legal_name = 'Tenant Ltd', vat_id = 'GB123' where id = ?", id));
        UUID invoice = books.invoice(application, "sent");

        UUID creditNote = books.credit(application, invoice, "100.00");

        record Issued(String status, String number, UUID series, long sequence, LocalDate issueDate,
                      BigDecimal subtotal, BigDecimal tax, BigDecimal total, String seller, String sellerVatId,
                      String buyer) {
        }
        Issued issued = owner.one("select status, credit_note_number, series_id, sequence_number, issue_date, subtotal,"
                        + " tax, total, seller_name, seller_vat_id, buyer_name from credit_notes"
                        + " where user_id = ? and id = ?",
                row -> new Issued(row.getString(1), row.getString(2), row.getObject(3, UUID.class), row.getLong(4),
                        row.getObject(5, LocalDate.class), row.getBigDecimal(6), row.getBigDecimal(7),
                        row.getBigDecimal(8), row.getString(9), row.getString(10), row.getString(11)),
                id, creditNote);

        // The parties are the invoice's, as it was issued: the credit note amends that document.
        assertThat(issued).isEqualTo(new Issued("issued", "CN-000001", books.tenant().defaultSeries(owner, "credit_note"),
                1, Tenant.ISSUE_DATE, new BigDecimal("100.00"), new BigDecimal("0.00"), new BigDecimal("100.00"),
                "Tenant Ltd", "GB123", "Acme Ltd"));
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("0.00", "100.00", "credited", false));
    }

    @ParameterizedTest(name = "{0} paid, {1} credited: {2}")
    @CsvSource({
            "0.00,   30.00, sent,           false",
            "40.00,  30.00, partially_paid, false",
            "40.00,  60.00, paid,           true",
            "100.00, 30.00, paid,           true"})
    void a_partial_credit_note_lowers_what_is_owed_and_the_status_follows(
            String paid, String credited, String status, boolean hasPaidDate) throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");
        if (new BigDecimal(paid).signum() > 0) {
            books.pay(application, invoice, paid);
        }

        books.credit(application, invoice, credited);

        // Paid 40.00 and credited 60.00 is settled: paid, as of the credit note, like a last payment.
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement(paid, credited, status, hasPaidDate));
    }

    @Test
    void credit_notes_are_numbered_in_their_own_series_whatever_the_invoices_are_numbered() throws SQLException {
        Books books = Books.create(owner);

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UUID invoice = books.invoice(application, "sent");
            numbers.add(books.number(owner, books.credit(application, invoice, "10.00")));
        }
        UUID third = books.invoice(application, "sent");

        assertThat(numbers).containsExactly("CN-000001", "CN-000002");
        assertThat(owner.list("select invoice_number from invoices where user_id = ? order by invoice_number",
                String.class, books.tenant().id())).containsExactly("INV-000001", "INV-000002", "INV-000003");
        assertThat(owner.one("select invoice_number from invoices where user_id = ? and id = ?", String.class,
                books.tenant().id(), third)).isEqualTo("INV-000003");
    }

    @Test
    void a_credit_note_issued_in_a_rolled_back_transaction_gives_its_number_and_credit_back() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");

        String committed = books.number(owner, books.credit(application, invoice, "10.00"));
        String rolledBack = application.inRolledBackTransaction(transaction -> {
            UUID creditNote = books.tenant().credit(transaction, invoice, "10.00");
            return transaction.one("select credit_note_number from credit_notes where user_id = ? and id = ?",
                    String.class, books.tenant().id(), creditNote);
        });
        Settlement afterRollback = books.settlement(owner, invoice);
        String next = books.number(owner, books.credit(application, invoice, "10.00"));

        assertThat(List.of(committed, rolledBack, next)).containsExactly("CN-000001", "CN-000002", "CN-000002");
        assertThat(afterRollback).isEqualTo(new Settlement("0.00", "10.00", "sent", false));
    }

    @Test
    void credit_notes_never_credit_more_than_the_invoice_total() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");
        books.credit(application, invoice, "60.00");
        Map<String, String> before = books.tenant().rows(owner);

        Violation beyondTheRest = Violation.raisedBy(() -> books.credit(application, invoice, "40.01"));
        Map<String, String> afterRefusal = books.tenant().rows(owner);
        UUID theRest = books.credit(application, invoice, "40.00");

        assertThat(beyondTheRest).isEqualTo(BEYOND_THE_INVOICE);
        assertThat(afterRefusal).isEqualTo(before);
        assertThat(books.number(owner, theRest)).isEqualTo("CN-000002");
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("0.00", "100.00", "credited", false));
        assertThat(Violation.raisedBy(() -> books.credit(application, invoice, "0.01"))).isEqualTo(BEYOND_THE_INVOICE);
    }

    /**
     * 12.25 at 10% is 1.225 of tax: 1.23 rounded half up (bankers' rounding and truncation make
     * 1.22); in yen, which has no minor unit, 1225 at 10% is 122.5: 123.
     */
    @ParameterizedTest(name = "{2} {0} credited at 10%")
    @CsvSource({
            "USD, 100.00, 12.25, 1.23, 13.48",
            "JPY, 10000,  1225,  123,  1348"})
    void tax_is_the_invoices_rate_on_the_lines_rounded_half_up_to_the_currency(
            String currency, BigDecimal invoiced, String credited, BigDecimal tax, BigDecimal total)
            throws SQLException {
        Books books = Books.create(owner);
        Tenant tenant = books.tenant();
        BigDecimal invoiceTax = invoiced.movePointLeft(1).setScale(invoiced.scale());
        Row draft = tenant.invoice(books.client()).with("currency", currency).with("tax_rate", new BigDecimal("10.00"))
                .with("subtotal", invoiced).with("tax", invoiceTax).with("total", invoiced.add(invoiceTax));
        Row line = tenant.lineItem(draft.id(), null).with("currency", currency).with("unit_price", invoiced)
                .with("amount", invoiced);
        UUID invoice = books.asTenant(application, transaction -> tenant.invoiceWithLine(transaction, draft, line, "sent"));

        UUID creditNote = books.asTenant(application, transaction -> {
            UUID note = transaction.insert(tenant.creditNote(invoice).with("currency", currency));
            transaction.insert(tenant.creditNoteLine(note, credited).with("currency", currency));
            tenant.issueCreditNote(transaction, note, Tenant.ISSUE_DATE);
            return note;
        });

        record Totals(BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
        }
        Totals totals = owner.one("select tax_rate, subtotal, tax, total from credit_notes where user_id = ? and id = ?",
                row -> new Totals(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3), row.getBigDecimal(4)),
                tenant.id(), creditNote);
        assertThat(totals.taxRate()).isEqualByComparingTo("10");
        assertThat(totals.subtotal()).isEqualByComparingTo(credited);
        assertThat(totals.tax()).isEqualByComparingTo(tax);
        assertThat(totals.total()).isEqualByComparingTo(total);
        assertThat(books.settlement(owner, invoice).amountCredited()).isEqualByComparingTo(total);
    }

    @Test
    void an_issued_credit_note_never_changes_nor_do_its_lines_and_it_is_never_deleted() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        UUID creditNote = books.credit(application, books.invoice(application, "sent"), "30.00");
        Map<String, String> before = books.tenant().rows(owner);

        List<Violation> refusals = new ArrayList<>();
        for (String write : List.of(
                "update credit_notes set reason = 'Rewritten' where user_id = ? and id = ?",
                "update credit_note_lines set description = 'Rewritten' where user_id = ? and credit_note_id = ?",
                "delete from credit_note_lines where user_id = ? and credit_note_id = ?",
                "delete from credit_notes where user_id = ? and id = ?")) {
            refusals.add(Violation.raisedBy(() -> books.asTenant(application, transaction ->
                    transaction.update(write, id, creditNote))));
        }
        refusals.add(Violation.raisedBy(() -> books.asTenant(application, transaction ->
                transaction.insert(books.tenant().creditNoteLine(creditNote, "5.00").with("position", 2)))));

        assertThat(refusals).containsExactly(
                Violation.check("credit_notes_frozen"),
                Violation.check("credit_note_lines_of_draft_only"),
                Violation.check("credit_note_lines_of_draft_only"),
                Violation.check("credit_notes_issued_kept"),
                Violation.check("credit_note_lines_of_draft_only"));
        assertThat(books.tenant().rows(owner)).isEqualTo(before);
    }

    @Test
    void a_draft_credit_note_is_deleted_with_its_lines_and_takes_no_number() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        UUID invoice = books.invoice(application, "sent");
        UUID draft = books.asTenant(application, transaction ->
                books.tenant().creditNoteWithLine(transaction, invoice, "30.00"));

        int deleted = books.asTenant(application, transaction ->
                transaction.update("delete from credit_notes where user_id = ? and id = ?", id, draft));
        UUID issued = books.credit(application, invoice, "30.00");

        assertThat(deleted).isOne();
        assertThat(owner.one("select count(*) from credit_note_lines where user_id = ? and credit_note_id = ?",
                Long.class, id, draft)).isZero();
        assertThat(books.number(owner, issued)).isEqualTo("CN-000001");
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("0.00", "30.00", "sent", false));
    }

    @Test
    void the_application_can_neither_number_nor_total_a_credit_note_itself() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");
        Row draft = books.tenant().creditNote(invoice);

        Violation numbered = Violation.raisedBy(() -> books.asTenant(application, transaction ->
                transaction.insert(draft.with("credit_note_number", "CN-000042"))));
        Violation totalled = Violation.raisedBy(() -> books.asTenant(application, transaction ->
                transaction.insert(draft.with("total", new BigDecimal("1.00")))));
        Violation issuedByHand = Violation.raisedBy(() -> books.asTenant(application, transaction -> {
            transaction.insert(draft);
            return transaction.update("update credit_notes set status = 'issued' where user_id = ? and id = ?",
                    books.tenant().id(), draft.id());
        }));

        assertThat(List.of(numbered, totalled, issuedByHand)).containsOnly(Violation.noPrivilege());
    }

    @ParameterizedTest(name = "recorded {0}")
    @ValueSource(strings = {"completed", "pending"})
    void a_payment_on_a_fully_credited_invoice_is_refused(String recordedAs) throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");
        books.credit(application, invoice, "100.00");
        Map<String, String> before = books.tenant().rows(owner);

        Violation refused = Violation.raisedBy(() -> books.asTenant(application, transaction -> transaction.insert(
                books.tenant().payment(invoice, new BigDecimal("0.01")).with("status", recordedAs))));

        assertThat(refused).isEqualTo(Violation.check("payments_invoice_payable"));
        assertThat(books.tenant().rows(owner)).isEqualTo(before);
    }

    @Test
    void a_paid_invoice_credited_in_part_refunds_exactly_what_was_paid_beyond_what_is_owed() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "paid");
        UUID creditNote = books.credit(application, invoice, "30.00");
        Map<String, String> before = books.tenant().rows(owner);

        // 100.00 paid + 30.00 credited - 100.00 billed: 30.00 was paid that is not owed.
        Violation oneCentMore = Violation.raisedBy(() -> books.refund(application, creditNote, invoice, "30.01"));
        Map<String, String> afterRefusal = books.tenant().rows(owner);
        books.refund(application, creditNote, invoice, "30.00");

        assertThat(oneCentMore).isEqualTo(BEYOND_WHAT_IS_OWED_BACK);
        assertThat(afterRefusal).isEqualTo(before);
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("70.00", "30.00", "paid", true));
        assertThat(Violation.raisedBy(() -> books.refund(application, creditNote, invoice, "0.01")))
                .isEqualTo(BEYOND_WHAT_IS_OWED_BACK);
    }

    @Test
    void refunds_against_a_credit_note_never_add_up_to_more_than_it_credits() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "paid");
        UUID small = books.credit(application, invoice, "30.00");
        UUID large = books.credit(application, invoice, "50.00");

        // 80.00 was paid beyond what is owed, but the small credit note credits 30.00 of it.
        Violation beyondItsTotal = Violation.raisedBy(() -> books.refund(application, small, invoice, "30.01"));
        books.refund(application, small, invoice, "20.00");
        Violation beyondWhatIsLeftOfIt = Violation.raisedBy(() -> books.refund(application, small, invoice, "10.01"));
        books.refund(application, small, invoice, "10.00");
        books.refund(application, large, invoice, "50.00");

        assertThat(List.of(beyondItsTotal, beyondWhatIsLeftOfIt)).containsOnly(BEYOND_WHAT_IS_OWED_BACK);
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("20.00", "80.00", "paid", true));
    }

    @Test
    void a_refund_against_a_draft_credit_note_is_refused() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "paid");
        books.credit(application, invoice, "30.00");
        UUID draft = books.asTenant(application, transaction ->
                books.tenant().creditNoteWithLine(transaction, invoice, "30.00"));
        Map<String, String> before = books.tenant().rows(owner);

        // The issued credit note leaves 30.00 to pay back: the draft is what stands in the way.
        Violation refused = Violation.raisedBy(() -> books.refund(application, draft, invoice, "5.00"));

        assertThat(refused).isEqualTo(BEYOND_WHAT_IS_OWED_BACK);
        assertThat(books.tenant().rows(owner)).isEqualTo(before);
    }

    @Test
    void a_refund_never_changes_and_is_never_deleted() throws SQLException {
        Books books = Books.create(owner);
        UUID id = books.tenant().id();
        UUID invoice = books.invoice(application, "paid");
        UUID refund = books.refund(application, books.credit(application, invoice, "30.00"), invoice, "30.00");
        Map<String, String> before = books.tenant().rows(owner);
        String changed = "update refunds set amount = 1.00 where user_id = ? and id = ?";
        String deleted = "delete from refunds where user_id = ? and id = ?";

        // The application has no privilege to try; the owner, which has, is refused by the trigger.
        List<Violation> byTheApplication = new ArrayList<>();
        List<Violation> byTheOwner = new ArrayList<>();
        for (String write : List.of(changed, deleted)) {
            byTheApplication.add(Violation.raisedBy(() -> books.asTenant(application, transaction ->
                    transaction.update(write, id, refund))));
            byTheOwner.add(Violation.raisedBy(() -> owner.update(write, id, refund)));
        }

        assertThat(byTheApplication).containsOnly(Violation.noPrivilege());
        assertThat(byTheOwner).containsOnly(Violation.check("refunds_immutable"));
        assertThat(books.tenant().rows(owner)).isEqualTo(before);
    }

    @Test
    void a_completed_payment_is_no_longer_refunded_by_its_status() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");
        UUID payment = books.pay(application, invoice, "40.00");

        Violation refused = Violation.raisedBy(() -> books.asTenant(application, transaction -> transaction.update(
                "update payments set status = 'refunded' where user_id = ? and id = ?", books.tenant().id(), payment)));

        assertThat(refused).isEqualTo(Violation.check("payments_status_transition"));
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("40.00", "0.00", "partially_paid", false));
    }

    /**
     * Eight sessions of the application credit one invoice of 100.00 at once, 1.00 at a time, 160
     * times in all: each issue locks the invoice before it reads what is credited, so exactly 100
     * are issued, numbered without a gap, and the rest refused.
     */
    @Test
    void concurrent_credit_notes_on_one_invoice_never_credit_more_than_its_total() throws Exception {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "sent");

        List<Optional<Violation>> outcomes = application.inConcurrentSessions(SESSIONS, session -> {
            List<Optional<Violation>> creditNotes = new ArrayList<>();
            for (int i = 0; i < CREDIT_NOTES_PER_SESSION; i++) {
                creditNotes.add(Violation.of(() -> books.credit(session, invoice, "1.00")));
            }
            return creditNotes;
        });

        assertThat(outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .isEqualTo(Map.of(
                        Optional.empty(), 100L,
                        Optional.of(BEYOND_THE_INVOICE), SESSIONS * CREDIT_NOTES_PER_SESSION - 100L));
        assertThat(owner.one("select sum(total) from credit_notes where user_id = ? and invoice_id = ?",
                BigDecimal.class, books.tenant().id(), invoice)).isEqualByComparingTo("100.00");
        assertThat(owner.list("select credit_note_number from credit_notes where user_id = ?", String.class,
                books.tenant().id()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 100).mapToObj("CN-%06d"::formatted).toList());
        assertThat(books.settlement(owner, invoice)).isEqualTo(new Settlement("0.00", "100.00", "credited", false));
    }

    /**
     * The retention runs from the newest document, credit notes included: an invoice of
     * {@link Tenant#ISSUE_DATE} is long past a week's retention, a credit note of today is not.
     */
    @Test
    void purge_tenant_removes_credit_notes_and_refunds_once_their_retention_is_over() throws SQLException {
        Books books = Books.create(owner);
        UUID invoice = books.invoice(application, "paid");
        UUID creditNote = books.asTenant(application, transaction -> {
            UUID note = books.tenant().creditNoteWithLine(transaction, invoice, "30.00");
            books.tenant().issueCreditNote(transaction, note, LocalDate.now());
            return note;
        });
        books.refund(application, creditNote, invoice, "10.00");
        books.asTenant(application, transaction -> books.tenant().creditNoteWithLine(transaction, invoice, "5.00"));
        Map<String, String> before = books.tenant().rows(owner);

        Violation withinRetention = Violation.raisedBy(() ->
                owner.update("call purge_tenant(?, interval '7 days')", books.tenant().id()));
        Map<String, String> afterRefusal = books.tenant().rows(owner);
        owner.update("call purge_tenant(?, interval '0 days')", books.tenant().id());

        assertThat(withinRetention).isEqualTo(Violation.check("invoices_retained"));
        assertThat(afterRefusal).isEqualTo(before);
        assertThat(before.get("refunds")).isNotEqualTo("[]");
        assertThat(books.tenant().rows(owner)).allSatisfy((table, rows) -> assertThat(rows).as(table).isEqualTo("[]"));
    }
}
