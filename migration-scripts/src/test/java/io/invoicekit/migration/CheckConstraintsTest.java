package io.invoicekit.migration;

import static io.invoicekit.migration.Violation.check;
import static io.invoicekit.migration.Violation.foreignKey;
import static io.invoicekit.migration.Violation.notNull;
import static io.invoicekit.migration.Violation.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule the schema enforces on a row, each shown refusing one bad write: the client sees the
 * SQLSTATE and the name of the rule, and nothing of the write is stored. A CHECK constraint or a
 * rule raised by a trigger that has no case here fails
 * {@link #every_check_constraint_and_trigger_raised_rule_has_a_case}.
 */
@ExtendWith(TestDatabaseExtension.class)
class CheckConstraintsTest {

    private final Sql owner;

    CheckConstraintsTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
    }

    /** A bad write against valid books, and the violation the database must refuse it with. */
    record Case(String badWrite, Violation violation, BadWrite write) {
        @Override
        public String toString() {
            return (violation.constraint() != null ? violation.constraint() : "not null " + violation.column())
                    + ": " + badWrite;
        }
    }

    @FunctionalInterface
    interface BadWrite {
        void run(Sql owner, Books books) throws SQLException;
    }

    /**
     * A tenant with a client, a service, a sent invoice of 100.00 (INV-000001 of its default
     * series, issued on {@link Tenant#ISSUE_DATE}) with 10.00 paid and 20.00 pending, and a draft
     * of 100.00 without a number; {@link Credited}; and another tenant with a client, a service
     * and a sent invoice with nothing paid (each invoice with its one line); and the audit trail
     * of all that.
     */
    record Books(Tenant tenant, UUID client, UUID service, UUID sentInvoice, UUID draftInvoice,
                 UUID completedPayment, UUID pendingPayment, Credited credited,
                 Tenant other, UUID otherClient, UUID otherService, UUID otherInvoice) {

        /** The payment provider's id of the completed payment. */
        static final String COMPLETED_TRANSACTION = "txn-completed";
        /** The bank's id of the refund. */
        static final String REFUND_TRANSACTION = "refund-recorded";

        /**
         * The tenant's INV-000002 of 100.00, paid in full, credited 30.00 by CN-000001 (one line,
         * untaxed), of which 10.00 were refunded: 20.00 may still be paid back, nothing more paid;
         * and a draft credit note of it with one line of 10.00.
         */
        record Credited(UUID invoice, UUID issuedNote, UUID refund, UUID draftNote) {
        }

        static Books arrange(Sql owner) throws SQLException {
            return owner.inTransaction(books -> {
                Tenant tenant = Tenant.create(books);
                UUID client = books.insert(tenant.client());
                UUID sent = tenant.invoiceWithLine(books, client, "sent");
                UUID draft = tenant.invoiceWithLine(books, client, "draft");
                UUID completed = books.insert(tenant.payment(sent, new BigDecimal("10.00"))
                        .with("transaction_id", COMPLETED_TRANSACTION));
                UUID pending = books.insert(tenant.payment(sent, new BigDecimal("20.00")).with("status", "pending"));
                UUID paid = tenant.invoiceWithLine(books, client, "paid");
                UUID issuedNote = tenant.credit(books, paid, "30.00");
                UUID refund = books.insert(tenant.refund(issuedNote, paid, "10.00")
                        .with("transaction_id", REFUND_TRANSACTION));
                Credited credited = new Credited(paid, issuedNote, refund, tenant.creditNoteWithLine(books, paid, "10.00"));
                Tenant other = Tenant.create(books);
                UUID otherClient = books.insert(other.client());
                UUID otherInvoice = other.invoiceWithLine(books, otherClient, "sent");
                return new Books(tenant, client, books.insert(tenant.service()), sent, draft, completed, pending,
                        credited, other, otherClient, books.insert(other.service()), otherInvoice);
            });
        }

        List<Map<String, String>> rows(Sql owner) throws SQLException {
            return List.of(tenant.rows(owner), other.rows(owner));
        }

        /** A valid new draft of the tenant, without a number as every draft from V11 on. */
        Row newInvoice() {
            return tenant.invoice(client);
        }

        /**
         * A valid new draft with a number no invoice has, as V8 numbered drafts: for the rules
         * that only a numbered invoice reaches (CHECKs are tested in the order of their names,
         * and invoices_numbered_unless_draft comes before invoices_status_valid).
         */
        Row newNumberedInvoice() {
            return newInvoice().with("invoice_number", "INV-900000");
        }

        /** A valid new line of the draft (lines change only while their invoice is one). */
        Row newLineItem() {
            return tenant.lineItem(draftInvoice, service).with("position", 2);
        }

        Row newPayment(String amount) {
            return tenant.payment(sentInvoice, new BigDecimal(amount));
        }

        /** A valid new draft credit note of the sent invoice, without lines. */
        Row newCreditNote() {
            return tenant.creditNote(sentInvoice);
        }

        /** A valid new line of the draft credit note (lines change only while their credit note is one). */
        Row newCreditNoteLine() {
            return tenant.creditNoteLine(credited.draftNote(), "5.00").with("position", 2);
        }

        /** A valid refund of 5.00 against CN-000001, within what may still be paid back. */
        Row newRefund() {
            return tenant.refund(credited.issuedNote(), credited.invoice(), "5.00");
        }

        /** Stores a draft credit note of the invoice with one line of {@code amount} and issues it. */
        String issueNewCreditNote(Sql transaction, UUID invoice, String amount) throws SQLException {
            tenant.setAsTenant(transaction);
            return tenant.issueCreditNote(transaction, tenant.creditNoteWithLine(transaction, invoice, amount),
                    Tenant.ISSUE_DATE);
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("a blank tenant name", check("users_name_not_blank"), (sql, b) ->
                        sql.update("update users set name = '  ' where id = ?", b.tenant().id())),
                new Case("a blank legal name of the seller", check("users_legal_name_not_blank"), (sql, b) ->
                        sql.update("update users set legal_name = ' ' where id = ?", b.tenant().id())),
                new Case("a legal name of 201 characters", check("users_legal_name_not_blank"), (sql, b) ->
                        sql.update("update users set legal_name = ? where id = ?", "L".repeat(201), b.tenant().id())),
                new Case("a legal name of ideographic spaces", check("users_legal_name_not_blank"), (sql, b) ->
                        sql.update("update users set legal_name = ? where id = ?", "\u3000\u3000", b.tenant().id())),
                new Case("a tenant's email without an @", check("users_email_format"), (sql, b) ->
                        sql.update("update users set email = 'owner.example.com' where id = ?", b.tenant().id())),

                new Case("payment terms over a year", check("clients_payment_terms_range"), (sql, b) ->
                        sql.insert(b.tenant().client().with("payment_terms_days", 366))),
                new Case("negative payment terms", check("clients_payment_terms_range"), (sql, b) ->
                        sql.insert(b.tenant().client().with("payment_terms_days", -1))),
                new Case("a blank client name", check("clients_name_not_blank"), (sql, b) ->
                        sql.insert(b.tenant().client().with("name", " "))),
                new Case("a client email without a domain", check("clients_email_format"), (sql, b) ->
                        sql.insert(b.tenant().client().with("email", "billing@acme"))),
                // U+2003 is white space whatever the server's locale says of [:space:].
                new Case("a client email with an em space inside", check("clients_email_format"), (sql, b) ->
                        sql.insert(b.tenant().client().with("email", "billing\u2003x@acme.example"))),

                new Case("a blank service name", check("services_name_not_blank"), (sql, b) ->
                        sql.insert(b.tenant().service().with("name", ""))),
                new Case("a negative unit price", check("services_unit_price_non_negative"), (sql, b) ->
                        sql.insert(b.tenant().service().with("unit_price", new BigDecimal("-0.01")))),
                new Case("a unit price in fractions of a yen", check("services_unit_price_non_negative"), (sql, b) ->
                        sql.insert(b.tenant().service().with("currency", "JPY")
                                .with("unit_price", new BigDecimal("100.50")))),
                new Case("a default tax rate over 100%", check("services_default_tax_rate_range"), (sql, b) ->
                        sql.insert(b.tenant().service().with("default_tax_rate", new BigDecimal("100.01")))),
                new Case("a price in dinars of three minor units", check("services_currency_supported"), (sql, b) ->
                        sql.insert(b.tenant().service().with("currency", "BHD"))),
                new Case("a currency code in lower case", check("services_currency_supported"), (sql, b) ->
                        sql.insert(b.tenant().service().with("currency", "usd"))),

                new Case("a stored 'overdue' status", check("invoices_status_valid"), (sql, b) ->
                        sql.insert(b.newNumberedInvoice().with("status", "overdue"))),
                new Case("an invoice stored as sent without a number", check("invoices_numbered_unless_draft"),
                        (sql, b) -> sql.insert(b.newInvoice().with("status", "sent"))),
                new Case("a draft without a number voided", check("invoices_numbered_unless_draft"), (sql, b) ->
                        b.tenant().changeStatus(sql, b.draftInvoice(), "void")),
                new Case("a number with a line break", check("invoices_number_printable"), (sql, b) ->
                        sql.insert(b.newInvoice().with("invoice_number", "INV-000002\n"))),
                new Case("an empty number", check("invoices_number_printable"), (sql, b) ->
                        sql.insert(b.newInvoice().with("invoice_number", ""))),
                // A valid pattern can repeat {prefix}: six prefixes of 20 characters make a number
                // of 121, which no invoice may carry, so the issue fails and its number with it.
                new Case("issuing in a series whose numbers run past 100 characters", check("invoices_number_printable"),
                        (sql, b) -> sql.inTransaction(transaction -> {
                            UUID series = transaction.insert(b.tenant().series().with("prefix", "P".repeat(20))
                                    .with("pattern", "{prefix}".repeat(6) + "{seq}"));
                            return b.tenant().issue(transaction, b.draftInvoice(), series, Tenant.ISSUE_DATE);
                        })),
                new Case("a draft given a series without a sequence number", check("invoices_sequence_in_series"),
                        (sql, b) -> sql.insert(b.newInvoice().with("series_id", b.tenant().defaultSeries(sql)))),
                new Case("a sequence number 0 in a series", check("invoices_sequence_in_series"), (sql, b) ->
                        sql.insert(b.newInvoice().with("series_id", b.tenant().defaultSeries(sql))
                                .with("sequence_number", 0L))),
                new Case("a tenant purged within the retention of its issued invoices", check("invoices_retained"),
                        (sql, b) -> sql.update("call purge_tenant(?, interval '10 years')", b.tenant().id())),
                new Case("a draft given a number without being issued", check("invoices_identity_frozen"), (sql, b) ->
                        sql.update("update invoices set invoice_number = 'INV-900001' where user_id = ? and id = ?",
                                b.tenant().id(), b.draftInvoice())),
                new Case("an invoice in dinars of three minor units", check("invoices_currency_supported"), (sql, b) ->
                        sql.insert(b.newInvoice().with("currency", "BHD"))),
                new Case("a tax rate over 100%", check("invoices_tax_rate_range"), (sql, b) ->
                        sql.insert(b.newInvoice().with("tax_rate", new BigDecimal("100.01"))
                                .with("tax", new BigDecimal("100.01")).with("total", new BigDecimal("200.01")))),
                new Case("a subtotal in fractions of a yen", check("invoices_subtotal_non_negative"), (sql, b) ->
                        sql.insert(b.newInvoice().with("currency", "JPY").with("subtotal", new BigDecimal("100.50"))
                                .with("total", new BigDecimal("100.50")))),
                new Case("a 20% tax rate with no tax charged", check("invoices_tax_consistent"), (sql, b) ->
                        sql.insert(b.newInvoice().with("tax_rate", new BigDecimal("20.00")))),
                new Case("a total that is not subtotal plus tax", check("invoices_total_consistent"), (sql, b) ->
                        sql.insert(b.newInvoice().with("total", new BigDecimal("99.99")))),
                new Case("a purchase order of 101 characters", check("invoices_purchase_order_length"), (sql, b) ->
                        sql.insert(b.newInvoice().with("purchase_order", "P".repeat(101)))),
                new Case("an invoice without a due date", check("invoices_due_date_required"), (sql, b) ->
                        sql.insert(b.newInvoice().with("due_date", null))),
                new Case("a due date before the issue date", check("invoices_due_not_before_issue"), (sql, b) ->
                        sql.insert(b.newInvoice().with("due_date", LocalDate.of(2025, 1, 9)))),
                // java.time's year 0 is 1 BC: the driver sends 0001-12-31 BC.
                new Case("an invoice issued in 1 BC", check("invoices_issue_date_in_range"), (sql, b) ->
                        sql.insert(b.newInvoice().with("issue_date", LocalDate.of(0, 12, 31)))),
                new Case("an invoice due in the year 10000", check("invoices_due_date_in_range"), (sql, b) ->
                        sql.insert(b.newInvoice().with("due_date", LocalDate.of(10_000, 1, 1)))),
                new Case("more paid than the total", check("invoices_amount_paid_within_total"), (sql, b) ->
                        sql.update("update invoices set amount_paid = total + 0.01 where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("a payment beyond the balance", check("invoices_amount_paid_within_total"), (sql, b) ->
                        sql.insert(b.newPayment("90.01"))),
                // 90.00 paid and 30.00 credited cover the 100.00 already: a credit note is not a balance due.
                new Case("a payment on an invoice that payments and a credit note cover",
                        check("invoices_amount_paid_within_total"), (sql, b) ->
                        sql.insert(b.tenant().payment(b.credited().invoice(), new BigDecimal("0.01")))),
                new Case("voiding an invoice that has been paid in part", check("invoices_status_transition"),
                        (sql, b) -> sql.update("update invoices set status = 'void' where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                // From V11 an issued invoice is cancelled by a credit note, never voided.
                new Case("voiding an issued invoice with nothing paid", check("invoices_status_transition"), (sql, b) ->
                        b.other().changeStatus(sql, b.otherInvoice(), "void")),
                new Case("an invoice paid in part taken back to draft", check("invoices_status_transition"),
                        (sql, b) -> sql.update("update invoices set status = 'draft' where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("an invoice marked paid with a tenth of it paid", check("invoices_status_matches_settlement"),
                        (sql, b) -> sql.update("update invoices set status = 'paid' where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("an invoice marked credited with nothing credited", check("invoices_status_matches_settlement"),
                        (sql, b) -> sql.update("update invoices set status = 'credited' where user_id = ? and id = ?",
                                b.other().id(), b.otherInvoice())),
                new Case("more credited than the total", check("invoices_amount_credited_within_total"), (sql, b) ->
                        sql.update("update invoices set amount_credited = total + 0.01 where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("a negative amount credited", check("invoices_amount_credited_within_total"), (sql, b) ->
                        sql.update("update invoices set amount_credited = -0.01 where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("an issued invoice renumbered", check("invoices_identity_frozen"), (sql, b) ->
                        sql.update("update invoices set invoice_number = 'INV-900000' where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("an issued invoice moved to another sequence of its series", check("invoices_identity_frozen"),
                        (sql, b) -> sql.update("update invoices set sequence_number = 2 where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("a draft issued with nothing to pay", check("invoices_sendable"), (sql, b) ->
                        sql.inTransaction(transaction -> {
                            UUID empty = transaction.insert(b.tenant().invoice(b.client())
                                    .with("subtotal", BigDecimal.ZERO).with("total", BigDecimal.ZERO));
                            return b.tenant().issue(transaction, empty, Tenant.ISSUE_DATE);
                        })),
                new Case("an issued invoice issued again", check("invoices_issued_once"), (sql, b) ->
                        b.tenant().issue(sql, b.sentInvoice(), Tenant.ISSUE_DATE)),
                new Case("a draft issued before the last issue date of its series", check("invoice_series_dates_ascending"),
                        (sql, b) -> b.tenant().issue(sql, b.draftInvoice(), Tenant.ISSUE_DATE.minusDays(1))),
                new Case("an invoice sent by change_invoice_status", check("invoices_status_by_its_function"), (sql, b) ->
                        b.tenant().changeStatus(sql, b.draftInvoice(), "sent")),
                new Case("an invoice marked paid by change_invoice_status", check("invoices_status_by_its_function"),
                        (sql, b) -> b.other().changeStatus(sql, b.otherInvoice(), "paid")),
                new Case("an issued invoice deleted", check("invoices_numbered_kept"), (sql, b) ->
                        sql.update("delete from invoices where user_id = ? and id = ?", b.other().id(), b.otherInvoice())),
                new Case("a draft numbered before V11 deleted", check("invoices_numbered_kept"), (sql, b) ->
                        sql.inTransaction(transaction -> {
                            UUID numbered = transaction.insert(b.newNumberedInvoice());
                            return transaction.update("delete from invoices where user_id = ? and id = ?",
                                    b.tenant().id(), numbered);
                        })),
                new Case("a draft's subtotal that its lines do not add up to", check("invoices_totals_match_lines"),
                        (sql, b) -> sql.update("update invoices set subtotal = 200.00, total = 200.00"
                                + " where user_id = ? and id = ?", b.tenant().id(), b.draftInvoice())),
                new Case("a line added to a sent invoice", check("line_items_of_draft_only"), (sql, b) ->
                        sql.insert(b.tenant().lineItem(b.sentInvoice(), b.service()).with("position", 2))),
                new Case("a sent invoice's line changed", check("line_items_of_draft_only"), (sql, b) ->
                        sql.update("update line_items set description = 'Rewritten' where user_id = ? and invoice_id = ?",
                                b.tenant().id(), b.sentInvoice())),

                new Case("a quantity of zero", check("line_items_quantity_positive"), (sql, b) ->
                        sql.insert(b.newLineItem().with("quantity", BigDecimal.ZERO)
                                .with("amount", BigDecimal.ZERO))),
                new Case("a negative unit price", check("line_items_unit_price_non_negative"), (sql, b) ->
                        sql.insert(b.newLineItem().with("unit_price", new BigDecimal("-100.00"))
                                .with("amount", new BigDecimal("-100.00")))),
                new Case("an amount that is not quantity times price", check("line_items_amount_consistent"),
                        (sql, b) -> sql.insert(b.newLineItem().with("amount", new BigDecimal("99.99")))),
                new Case("a blank description", check("line_items_description_not_blank"), (sql, b) ->
                        sql.insert(b.newLineItem().with("description", "   "))),
                new Case("a description of file separators, white space to Java", check("line_items_description_not_blank"),
                        (sql, b) -> sql.insert(b.newLineItem().with("description", "\u001c\u001f"))),
                new Case("position zero", check("line_items_position_positive"), (sql, b) ->
                        sql.insert(b.newLineItem().with("position", 0))),

                new Case("a negative series counter", check("invoice_series_counter_non_negative"), (sql, b) ->
                        sql.update("update invoice_series set last_number = -1 where user_id = ? and id = ?",
                                b.tenant().id(), b.tenant().defaultSeries(sql))),
                new Case("a series of receipts", check("invoice_series_kind_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("document_kind", "receipt"))),
                new Case("a blank series name", check("invoice_series_name_not_blank"), (sql, b) ->
                        sql.insert(b.tenant().series().with("name", "  "))),
                new Case("a prefix with a brace", check("invoice_series_prefix_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("prefix", "EXP{"))),
                new Case("a prefix of 21 characters", check("invoice_series_prefix_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("prefix", "P".repeat(21)))),
                new Case("a prefix with a C1 control character", check("invoice_series_prefix_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("prefix", "INV\u0085"))),
                new Case("a series that restarts every week", check("invoice_series_reset_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("reset_period", "weekly"))),
                new Case("a pattern without a sequence", check("invoice_series_pattern_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("pattern", "{prefix}{yyyy}"))),
                new Case("a pattern with two sequences", check("invoice_series_pattern_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("pattern", "{prefix}{seq}-{seq:4}"))),
                new Case("a sequence of 19 digits", check("invoice_series_pattern_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("pattern", "{prefix}{seq:19}"))),
                new Case("an unknown placeholder", check("invoice_series_pattern_valid"), (sql, b) ->
                        sql.insert(b.tenant().series().with("pattern", "{prefix}{dd}{seq}"))),
                new Case("a yearly series without the year in its numbers", check("invoice_series_pattern_valid"),
                        (sql, b) -> sql.insert(b.tenant().series().with("reset_period", "yearly"))),
                new Case("a monthly series without the month in its numbers", check("invoice_series_pattern_valid"),
                        (sql, b) -> sql.insert(b.tenant().series().with("reset_period", "monthly")
                                .with("pattern", "{prefix}{yyyy}-{seq:4}"))),

                new Case("a payment of zero", check("payments_amount_positive"), (sql, b) ->
                        sql.insert(b.newPayment("0.00"))),
                new Case("a payment in bitcoin", check("payments_method_valid"), (sql, b) ->
                        sql.insert(b.newPayment("5.00").with("method", "bitcoin"))),
                new Case("a payment made in 1 BC", check("payments_payment_date_in_range"), (sql, b) ->
                        sql.insert(b.newPayment("5.00").with("payment_date", LocalDate.of(0, 6, 1)))),
                // The guard trigger refuses every status outside its transitions before the CHECK
                // sees the row; with the trigger out of the way, in a transaction that is rolled
                // back, the CHECK still refuses an unknown status.
                new Case("an unknown payment status past the guard trigger", check("payments_status_valid"), (sql, b) ->
                        sql.inRolledBackTransaction(transaction -> {
                            transaction.update("alter table payments disable trigger payments_guard_change");
                            return transaction.insert(b.newPayment("5.00").with("status", "chargeback"));
                        })),
                // Only a draft numbered before V11 can be void, and a payment never reaches it.
                new Case("a payment on a void invoice", check("payments_invoice_payable"), (sql, b) ->
                        sql.inTransaction(transaction -> {
                            UUID voided = b.tenant().invoiceWithLine(transaction, b.client(), "void");
                            return transaction.insert(b.tenant().payment(voided, new BigDecimal("5.00")));
                        })),
                new Case("a sent invoice dated anew", check("invoices_content_frozen"), (sql, b) ->
                        sql.update("update invoices set issue_date = issue_date - 1 where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("a sent invoice's buyer rewritten", check("invoices_content_frozen"), (sql, b) ->
                        sql.update("update invoices set buyer_name = 'Someone else' where user_id = ? and id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("a payment on a draft invoice", check("payments_invoice_payable"), (sql, b) ->
                        sql.insert(b.tenant().payment(b.draftInvoice(), new BigDecimal("5.00")))),
                new Case("a payment recorded as refunded", check("payments_status_transition"), (sql, b) ->
                        sql.insert(b.newPayment("5.00").with("status", "refunded"))),
                new Case("a completed payment back to pending", check("payments_status_transition"), (sql, b) ->
                        sql.update("update payments set status = 'pending' where user_id = ? and id = ?",
                                b.tenant().id(), b.completedPayment())),
                // From V12 money paid back is a refund against a credit note, never a payment's status.
                new Case("a completed payment refunded by its status", check("payments_status_transition"), (sql, b) ->
                        sql.update("update payments set status = 'refunded' where user_id = ? and id = ?",
                                b.tenant().id(), b.completedPayment())),
                new Case("a payment on a credited invoice", check("payments_invoice_payable"), (sql, b) ->
                        sql.inTransaction(transaction -> {
                            UUID credited = b.tenant().invoiceWithLine(transaction, b.client(), "sent");
                            b.issueNewCreditNote(transaction, credited, "100.00");
                            return transaction.insert(b.tenant().payment(credited, new BigDecimal("5.00")));
                        })),
                new Case("a pending payment refunded", check("payments_status_transition"), (sql, b) ->
                        sql.update("update payments set status = 'refunded' where user_id = ? and id = ?",
                                b.tenant().id(), b.pendingPayment())),
                new Case("a changed payment amount", check("payments_immutable"), (sql, b) ->
                        sql.update("update payments set amount = 20.00 where user_id = ? and id = ?",
                                b.tenant().id(), b.completedPayment())),
                new Case("a payment moved to another invoice", check("payments_immutable"), (sql, b) ->
                        sql.update("update payments set invoice_id = ? where user_id = ? and id = ?",
                                b.draftInvoice(), b.tenant().id(), b.pendingPayment())),

                new Case("a credit note stored as cancelled", check("credit_notes_status_known"), (sql, b) ->
                        sql.insert(b.newCreditNote().with("status", "cancelled"))),
                new Case("a credit note with a blank reason", check("credit_notes_reason_not_blank"), (sql, b) ->
                        sql.insert(b.newCreditNote().with("reason", " "))),
                new Case("a reason of 1001 characters", check("credit_notes_reason_not_blank"), (sql, b) ->
                        sql.insert(b.newCreditNote().with("reason", "R".repeat(1001)))),
                new Case("a draft credit note with a number", check("credit_notes_issued_complete"), (sql, b) ->
                        sql.insert(b.newCreditNote().with("credit_note_number", "CN-900000"))),
                new Case("a credit note stored as issued without number or totals", check("credit_notes_issued_complete"),
                        (sql, b) -> sql.insert(b.newCreditNote().with("status", "issued"))),
                new Case("a credit note beyond what is left of its invoice", check("credit_notes_within_invoice"),
                        (sql, b) -> sql.inTransaction(transaction ->
                                b.issueNewCreditNote(transaction, b.credited().invoice(), "70.01"))),
                new Case("a credit note of a draft invoice", check("credit_notes_within_invoice"), (sql, b) ->
                        sql.inTransaction(transaction -> b.issueNewCreditNote(transaction, b.draftInvoice(), "10.00"))),
                new Case("a credit note issued without lines", check("credit_notes_within_invoice"), (sql, b) ->
                        sql.inTransaction(transaction -> b.tenant().issueCreditNote(transaction,
                                transaction.insert(b.newCreditNote()), Tenant.ISSUE_DATE))),
                new Case("a credit note issued in the year 10000", check("credit_notes_issue_date_in_range"), (sql, b) ->
                        sql.inTransaction(transaction -> b.tenant().issueCreditNote(transaction,
                                b.credited().draftNote(), LocalDate.of(10_000, 1, 1)))),
                new Case("a credit note dated before its invoice", check("credit_notes_after_invoice"), (sql, b) ->
                        sql.inTransaction(transaction -> b.tenant().issueCreditNote(transaction,
                                transaction.insert(b.newCreditNote()), Tenant.ISSUE_DATE.minusDays(1)))),
                new Case("an issued credit note issued again", check("credit_notes_issued_once"), (sql, b) ->
                        b.tenant().issueCreditNote(sql, b.credited().issuedNote(), Tenant.ISSUE_DATE)),
                new Case("an issued credit note's reason rewritten", check("credit_notes_frozen"), (sql, b) ->
                        sql.update("update credit_notes set reason = 'Rewritten' where user_id = ? and id = ?",
                                b.tenant().id(), b.credited().issuedNote())),
                new Case("a draft credit note moved to another invoice", check("credit_notes_frozen"), (sql, b) ->
                        sql.update("update credit_notes set invoice_id = ? where user_id = ? and id = ?",
                                b.sentInvoice(), b.tenant().id(), b.credited().draftNote())),
                new Case("an issued credit note deleted", check("credit_notes_issued_kept"), (sql, b) ->
                        sql.update("delete from credit_notes where user_id = ? and id = ?",
                                b.tenant().id(), b.credited().issuedNote())),
                new Case("a line added to an issued credit note", check("credit_note_lines_of_draft_only"), (sql, b) ->
                        sql.insert(b.tenant().creditNoteLine(b.credited().issuedNote(), "5.00").with("position", 2))),
                new Case("an issued credit note's line changed", check("credit_note_lines_of_draft_only"), (sql, b) ->
                        sql.update("update credit_note_lines set description = 'Rewritten'"
                                + " where user_id = ? and credit_note_id = ?", b.tenant().id(), b.credited().issuedNote())),
                new Case("an issued credit note's line deleted", check("credit_note_lines_of_draft_only"), (sql, b) ->
                        sql.update("delete from credit_note_lines where user_id = ? and credit_note_id = ?",
                                b.tenant().id(), b.credited().issuedNote())),
                new Case("a credit note line at position zero", check("credit_note_lines_position_positive"),
                        (sql, b) -> sql.insert(b.newCreditNoteLine().with("position", 0))),
                new Case("a credit note line with a blank description", check("credit_note_lines_description_not_blank"),
                        (sql, b) -> sql.insert(b.newCreditNoteLine().with("description", " "))),
                new Case("a credit note line of quantity zero", check("credit_note_lines_quantity_positive"), (sql, b) ->
                        sql.insert(b.newCreditNoteLine().with("quantity", BigDecimal.ZERO).with("amount", BigDecimal.ZERO))),
                new Case("a credit note line of a negative unit price", check("credit_note_lines_unit_price_non_negative"),
                        (sql, b) -> sql.insert(b.newCreditNoteLine().with("unit_price", new BigDecimal("-5.00"))
                                .with("amount", new BigDecimal("-5.00")))),
                new Case("a credit note line whose amount is not quantity times price",
                        check("credit_note_lines_amount_consistent"), (sql, b) ->
                        sql.insert(b.newCreditNoteLine().with("amount", new BigDecimal("4.99")))),
                new Case("a refund of zero", check("refunds_amount_positive"), (sql, b) ->
                        sql.insert(b.newRefund().with("amount", new BigDecimal("0.00")))),
                new Case("a refund in bitcoin", check("refunds_method_valid"), (sql, b) ->
                        sql.insert(b.newRefund().with("method", "bitcoin"))),
                new Case("a refund made in the year 10000", check("refunds_refund_date_in_range"), (sql, b) ->
                        sql.insert(b.newRefund().with("refund_date", LocalDate.of(10_000, 1, 1)))),
                new Case("a refund beyond what may still be paid back", check("refunds_within_credit"), (sql, b) ->
                        sql.insert(b.newRefund().with("amount", new BigDecimal("20.01")))),
                new Case("a refund against a draft credit note", check("refunds_within_credit"), (sql, b) ->
                        sql.insert(b.tenant().refund(b.credited().draftNote(), b.credited().invoice(), "5.00"))),
                new Case("a refund's amount changed", check("refunds_immutable"), (sql, b) ->
                        sql.update("update refunds set amount = 5.00 where user_id = ? and id = ?",
                                b.tenant().id(), b.credited().refund())),
                new Case("a refund deleted", check("refunds_immutable"), (sql, b) ->
                        sql.update("delete from refunds where user_id = ? and id = ?", b.tenant().id(), b.credited().refund())),
                new Case("a tenant key id with a space", check("tenant_keys_id_valid"), (sql, b) ->
                        sql.update("insert into tenant_keys (key_id, secret) values ('key 1', decode(repeat('ab', 32), 'hex'))")),
                new Case("a tenant key of 16 bytes", check("tenant_keys_secret_length"), (sql, b) ->
                        sql.update("insert into tenant_keys (key_id, secret) values ('short', decode(repeat('ab', 16), 'hex'))")),
                new Case("a second mode of the tenant context", check("tenant_context_mode_one_row"), (sql, b) ->
                        sql.update("insert into tenant_context_mode (singleton, unsigned_allowed) values (false, true)")),
                new Case("an audit event of a quote", check("audit_events_kind_valid"), (sql, b) ->
                        sql.insert(b.tenant().auditEvent(b.sentInvoice()).with("document_kind", "quote"))),
                new Case("an audit event of an invoice viewed", check("audit_events_action_valid"), (sql, b) ->
                        sql.insert(b.tenant().auditEvent(b.sentInvoice()).with("action", "viewed"))),
                new Case("an audit event rewritten by the owner", check("audit_events_append_only"), (sql, b) ->
                        sql.update("update audit_events set actor = 'someone else' where user_id = ? and document_id = ?",
                                b.tenant().id(), b.sentInvoice())),
                new Case("an audit event deleted by the owner", check("audit_events_append_only"), (sql, b) ->
                        sql.update("delete from audit_events where user_id = ? and document_id = ?",
                                b.tenant().id(), b.sentInvoice())),

                new Case("a line item without a tenant", notNull("user_id"), (sql, b) ->
                        sql.insert(b.newLineItem().with("user_id", null))),
                new Case("a payment without an amount, which its CHECK lets through", notNull("amount"), (sql, b) ->
                        sql.insert(b.newPayment("5.00").with("amount", null))),

                new Case("a line item on another tenant's invoice", foreignKey("line_items_invoice_fk"), (sql, b) ->
                        sql.insert(b.newLineItem().with("invoice_id", b.otherInvoice()))),
                new Case("a line item in another currency than its invoice", foreignKey("line_items_invoice_fk"),
                        (sql, b) -> sql.insert(b.newLineItem().with("currency", "EUR"))),
                new Case("a line item of another tenant's service", foreignKey("line_items_service_fk"), (sql, b) ->
                        sql.insert(b.newLineItem().with("service_id", b.otherService()))),
                new Case("an invoice to another tenant's client", foreignKey("invoices_client_fk"), (sql, b) ->
                        sql.insert(b.newInvoice().with("client_id", b.otherClient()))),
                new Case("a payment on another tenant's invoice", foreignKey("payments_invoice_fk"), (sql, b) ->
                        sql.insert(b.newPayment("5.00").with("invoice_id", b.otherInvoice()))),
                new Case("a payment in another currency than its invoice", foreignKey("payments_invoice_fk"),
                        (sql, b) -> sql.insert(b.newPayment("5.00").with("currency", "EUR"))),
                new Case("a draft issued in another tenant's series", foreignKey("invoices_series_fk"), (sql, b) ->
                        b.tenant().issue(sql, b.draftInvoice(), b.other().defaultSeries(sql), Tenant.ISSUE_DATE)),
                new Case("a credit note issued in another tenant's credit-note series", foreignKey("credit_notes_series_fk"),
                        (sql, b) -> b.tenant().issueCreditNote(sql, b.credited().draftNote(),
                                b.other().defaultSeries(sql, "credit_note"), Tenant.ISSUE_DATE)),
                new Case("a credit note issued in an invoice series", foreignKey("credit_notes_series_fk"), (sql, b) ->
                        b.tenant().issueCreditNote(sql, b.credited().draftNote(), b.tenant().defaultSeries(sql),
                                Tenant.ISSUE_DATE)),
                new Case("a credit note of another tenant's invoice", foreignKey("credit_notes_invoice_fk"), (sql, b) ->
                        sql.insert(b.newCreditNote().with("invoice_id", b.otherInvoice()))),
                new Case("a credit note in another currency than its invoice", foreignKey("credit_notes_invoice_fk"),
                        (sql, b) -> sql.insert(b.newCreditNote().with("currency", "EUR"))),
                new Case("a credit note line in another currency than its credit note",
                        foreignKey("credit_note_lines_credit_note_fk"), (sql, b) ->
                        sql.insert(b.newCreditNoteLine().with("currency", "EUR"))),
                new Case("a refund in another currency than its credit note", foreignKey("refunds_credit_note_fk"),
                        (sql, b) -> sql.insert(b.newRefund().with("currency", "EUR"))),
                new Case("a series of a tenant that does not exist", foreignKey("invoice_series_user_fk"), (sql, b) ->
                        sql.insert(b.tenant().series().with("user_id", UUID.randomUUID()))),

                new Case("a number the tenant has used", unique("invoices_number_unique_per_tenant"), (sql, b) ->
                        sql.insert(b.newInvoice().with("invoice_number", "INV-000001"))),
                new Case("a second series of the same name", unique("invoice_series_name_unique"), (sql, b) ->
                        sql.insert(b.tenant().series().with("name", "Invoices"))),
                new Case("a second default invoice series", unique("invoice_series_one_default"), (sql, b) ->
                        sql.insert(b.tenant().series().with("is_default", true))),
                new Case("a payment provider's transaction recorded twice", unique("payments_transaction_id_unique"),
                        (sql, b) -> sql.insert(b.newPayment("10.00")
                                .with("transaction_id", Books.COMPLETED_TRANSACTION))),
                new Case("a bank's refund recorded twice", unique("refunds_transaction_id_unique"), (sql, b) ->
                        sql.insert(b.newRefund().with("transaction_id", Books.REFUND_TRANSACTION))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_bad_write_is_refused_by_its_rule_and_nothing_is_stored(Case rule) throws SQLException {
        Books books = Books.arrange(owner);
        List<Map<String, String>> before = books.rows(owner);

        Violation refused = Violation.raisedBy(() -> rule.write().run(owner, books));

        assertThat(refused).isEqualTo(rule.violation());
        assertThat(books.rows(owner)).isEqualTo(before);
    }

    @Test
    void every_check_constraint_and_trigger_raised_rule_has_a_case() throws SQLException {
        List<String> checkConstraints = owner.list("""
                select c.conname
                from pg_constraint c
                join pg_namespace n on n.oid = c.connamespace
                where n.nspname = 'public' and c.contype = 'c'
                """, String.class);
        List<String> raisedByTriggers = owner.list("""
                select distinct raised.rule[1]
                from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                cross join lateral regexp_matches(p.prosrc, 'CONSTRAINT\\s*=\\s*''(\\w+)''', 'gi') as raised(rule)
                where n.nspname = 'public'
                """, String.class);

        assertThat(checkConstraints).contains("invoices_tax_consistent", "payments_status_valid");
        assertThat(raisedByTriggers).contains("payments_invoice_payable", "invoices_issued_once");
        assertThat(cases()).extracting(c -> c.violation().constraint())
                .containsAll(checkConstraints)
                .containsAll(raisedByTriggers);
    }

    /**
     * The words of each rule live with the rule: a constraint's comment, a unique index's (one
     * that is no constraint, such as a partial one, names itself in the error all the same), a
     * guard's DETAIL.
     */
    @Test
    void every_rule_has_its_words_in_the_schema() throws SQLException {
        List<String> withoutComment = owner.list("""
                select c.conrelid::regclass || '.' || c.conname
                from pg_constraint c
                join pg_namespace n on n.oid = c.connamespace
                where n.nspname = 'public' and c.contype in ('c', 'f', 'u', 'p', 'x')
                  and c.conrelid <> 'flyway_schema_history'::regclass
                  and obj_description(c.oid, 'pg_constraint') is null
                """, String.class);
        record UniqueIndex(String name, boolean commented) {
        }
        // conindid of a foreign key names the referenced table's index: only the index's own constraint counts.
        List<UniqueIndex> uniqueIndexesOfNoConstraint = owner.list("""
                select i.indexrelid::regclass::text, obj_description(i.indexrelid, 'pg_class') is not null
                from pg_index i
                join pg_class c on c.oid = i.indexrelid
                where c.relnamespace = 'public'::regnamespace and i.indisunique
                  and not exists (select from pg_constraint k
                                  where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
                """, row -> new UniqueIndex(row.getString(1), row.getBoolean(2)));
        List<String> raisedWithoutWords = owner.list("""
                select p.proname || ': ' || raised.statement[1]
                from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                cross join lateral regexp_matches(p.prosrc, '(RAISE EXCEPTION[^;]*CONSTRAINT[^;]*;)', 'gi')
                    as raised(statement)
                where n.nspname = 'public' and raised.statement[1] !~* 'DETAIL\\s*='
                """, String.class);

        assertThat(withoutComment).as("constraints without a comment").isEmpty();
        assertThat(uniqueIndexesOfNoConstraint).extracting(UniqueIndex::name).contains("invoice_series_one_default");
        assertThat(uniqueIndexesOfNoConstraint).filteredOn(index -> !index.commented())
                .as("unique indexes of no constraint without a comment").isEmpty();
        assertThat(raisedWithoutWords).as("rules raised by triggers without a DETAIL").isEmpty();
    }
}
