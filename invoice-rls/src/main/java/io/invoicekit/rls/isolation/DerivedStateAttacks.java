package io.invoicekit.rls.isolation;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Tenant A, with its tenant set, writing what only the database may derive on its own invoices:
 * numbers and series counters, issuing twice, deleting or voiding an issued invoice, status, amount paid, totals, an issued invoice's header and lines, a
 * payment's record; and its clients' search windows. Each is refused by a column privilege, a guard trigger, a CHECK or the
 * deferred totals check, often by more than one: the expected outcome names every layer that may
 * answer first, and the weakened-schema test removes the layers together.
 */
final class DerivedStateAttacks {

    private static final Expected NO_PRIVILEGE = Expected.refused("42501").because("no privilege on the column");

    private final TenantRows mine;
    private final TenantRows other;

    DerivedStateAttacks(TwoTenants tenants) {
        this.mine = tenants.mine();
        this.other = tenants.other();
    }

    List<Probe> probes() {
        return List.of(
                asMine("store an invoice numbered by hand, a number no series gave", "invoices", NO_PRIVILEGE,
                        session -> Outcome.rows(session.rows("""
                                insert into invoices (user_id, id, client_id, invoice_number, currency, issue_date,
                                                      due_date)
                                values (?, ?, ?, 'INV-0000014', 'EUR', date '2025-01-01', date '2025-01-31')""",
                                mine.tenant(), UUID.randomUUID(), mine.client()))),
                asMine("renumber my sent invoice", "invoices", NO_PRIVILEGE,
                        session -> update(session, "invoices set invoice_number = 'INV-000099'", mine.invoice())),
                asMine("delete my issued invoice (a gap in the numbers)", "invoices",
                        Expected.refused("23514").because("invoices_numbered_kept"),
                        session -> Outcome.rows(session.rows("delete from invoices where user_id = ? and id = ?",
                                mine.tenant(), mine.invoice()))),
                asMine("claim the purge setting, then delete my issued invoice", "invoices",
                        Expected.refused("23514").because("invoices_numbered_kept: members of the role never purge"),
                        session -> {
                            session.text("select set_config('invoicekit.purged_tenant', ?, true)",
                                    mine.tenant().toString());
                            return Outcome.rows(session.rows("delete from invoices where user_id = ? and id = ?",
                                    mine.tenant(), mine.invoice()));
                        }),
                asMine("purge my tenant, issued invoices and all", "invoices",
                        Expected.refused("42501").because("purge_tenant is the owner's"),
                        session -> Outcome.rows(session.rows("call purge_tenant(?, interval '0 days')",
                                mine.tenant()))),
                asMine("rewind my invoice series' counter (a number given twice)", "invoice_series", NO_PRIVILEGE,
                        session -> Outcome.rows(session.rows(
                                "update invoice_series set last_number = 0 where user_id = ?", mine.tenant()))),
                asMine("issue my sent invoice again (a second number)", "invoices",
                        Expected.refused("23514").because("invoices_issued_once"),
                        session -> new Outcome.Value("version " + session.text(
                                "select issue_invoice(?, 1, null, date '2025-01-06')::text", mine.invoice()))),
                asMine("issue my empty draft", "invoices", Expected.refused("23514").because("invoices_sendable"),
                        session -> new Outcome.Value("version " + session.text(
                                "select issue_invoice(?, 0, null, date '2025-01-06')::text", mine.draft()))),
                asMine("rewrite the buyer named on my issued invoice", "invoices",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or invoices_content_frozen"),
                        session -> update(session, "invoices set buyer_name = 'Someone else'", mine.invoice())),
                asMine("mark my sent invoice paid with no payment", "invoices",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or invoices_status_matches_settlement"),
                        session -> update(session, "invoices set status = 'paid'", mine.invoice())),
                asMine("send my draft through the lifecycle function, unnumbered", "invoices",
                        Expected.refused("23514").because("invoices_status_by_its_function"),
                        session -> lifecycle(session, mine.draft(), 0, "sent")),
                asMine("void my draft, which has no number", "invoices",
                        Expected.refused("23514").because("invoices_numbered_unless_draft"),
                        session -> lifecycle(session, mine.draft(), 0, "void")),
                asMine("void my issued invoice (cancelled by a credit note only)", "invoices",
                        Expected.refused("23514").because("invoices_status_transition"),
                        session -> lifecycle(session, mine.invoice(), 1, "void")),
                asMine("mark my sent invoice paid through the lifecycle function", "invoices",
                        Expected.refused("23514").because("paid only through payments"),
                        session -> lifecycle(session, mine.invoice(), 1, "paid")),
                asMine("move my sent invoice's due date", "invoices",
                        Expected.refused("23514").because("invoices_content_frozen"),
                        session -> update(session, "invoices set due_date = due_date + 30", mine.invoice())),
                asMine("give my draft a subtotal its lines do not add up to, then commit", "invoices",
                        Expected.refused("23514").because("invoices_totals_match_lines, at commit"),
                        session -> {
                            update(session, "invoices set subtotal = 99.00, total = 99.00", mine.draft());
                            return commit(session);
                        }),
                asMine("write my draft's totals, switch to tenant B before commit", "invoices",
                        Expected.refused("23514").because("the check cannot see the invoice: fails closed"),
                        session -> {
                            update(session, "invoices set subtotal = 99.00, total = 99.00", mine.draft());
                            session.tenant(other.tenant());
                            return commit(session);
                        }),
                asMine("change a line of my sent invoice", "line_items",
                        Expected.refused("23514").because("line_items_of_draft_only"),
                        session -> Outcome.rows(session.rows(
                                "update line_items set description = 'Rewritten' where user_id = ? and id = ?",
                                mine.tenant(), mine.lineItem()))),
                asMine("delete the line of my sent invoice", "line_items",
                        Expected.refused("23514").because("line_items_of_draft_only"),
                        session -> Outcome.rows(session.rows("delete from line_items where user_id = ? and id = ?",
                                mine.tenant(), mine.lineItem()))),
                asMine("add a line to my sent invoice", "line_items",
                        Expected.refused("23514").because("line_items_of_draft_only"),
                        session -> Outcome.rows(TenantTable.LINE_ITEMS.insert(session,
                                mine.newRow(TenantTable.LINE_ITEMS).withInvoice(mine.invoice()), ""))),
                asMine("credit my invoice for more than it billed", "credit_notes",
                        Expected.refused("23514").because("credit_notes_within_invoice"),
                        session -> {
                            session.rows("update credit_note_lines set unit_price = 1000.00, amount = 1000.00"
                                    + " where user_id = ? and id = ?", mine.tenant(), mine.creditNoteLine());
                            return issueCreditNote(session);
                        }),
                asMine("mark my invoice credited by hand", "invoices",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or invoices_status_matches_settlement"),
                        session -> update(session, "invoices set amount_credited = total", mine.invoice())),
                asMine("rewrite the reason of my issued credit note", "credit_notes",
                        Expected.refused("23514").because("credit_notes_frozen"),
                        session -> {
                            issueCreditNote(session);
                            return Outcome.rows(session.rows("update credit_notes set reason = 'Rewritten'"
                                    + " where user_id = ? and id = ?", mine.tenant(), mine.creditNote()));
                        }),
                asMine("delete my issued credit note", "credit_notes",
                        Expected.refused("23514").because("credit_notes_issued_kept"),
                        session -> {
                            issueCreditNote(session);
                            return Outcome.rows(session.rows("delete from credit_notes where user_id = ? and id = ?",
                                    mine.tenant(), mine.creditNote()));
                        }),
                asMine("change a line of my issued credit note", "credit_note_lines",
                        Expected.refused("23514").because("credit_note_lines_of_draft_only"),
                        session -> {
                            issueCreditNote(session);
                            return Outcome.rows(session.rows("update credit_note_lines set description = 'Rewritten'"
                                    + " where user_id = ? and id = ?", mine.tenant(), mine.creditNoteLine()));
                        }),
                asMine("refund more than my credit note credits", "refunds",
                        Expected.refused("23514").because("refunds_within_credit"),
                        session -> {
                            issueCreditNote(session);
                            return Outcome.rows(session.rows("""
                                    insert into refunds (user_id, id, credit_note_id, invoice_id, currency, amount, method,
                                                         refund_date)
                                    values (?, ?, ?, ?, 'EUR', 5.00, 'card', date '2025-01-07')""",
                                    mine.tenant(), UUID.randomUUID(), mine.creditNote(), mine.invoice()));
                        }),
                asMine("rewrite my invoice's audit trail", "audit_events",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or audit_events_append_only"),
                        session -> Outcome.rows(session.rows("update audit_events set actor = 'someone else'"
                                + " where user_id = ? and document_id = ?", mine.tenant(), mine.invoice()))),
                asMine("delete my invoice's audit trail", "audit_events",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or audit_events_append_only"),
                        session -> Outcome.rows(session.rows("delete from audit_events"
                                + " where user_id = ? and document_id = ?", mine.tenant(), mine.invoice()))),
                asMine("write a change that never happened into my audit trail", "audit_events", NO_PRIVILEGE,
                        session -> Outcome.rows(session.rows("""
                                insert into audit_events (user_id, document_kind, document_id, changed_table, action,
                                                          changes)
                                values (?, 'invoice', ?, 'invoices', 'changed', '{}')""",
                                mine.tenant(), mine.invoice()))),
                asMine("store a search window my client's name and email do not have", "client_search_trigrams",
                        NO_PRIVILEGE, session -> Outcome.rows(session.rows(
                                "insert into client_search_trigrams (user_id, trigram, client_id) values (?, 'zqx', ?)",
                                mine.tenant(), mine.client()))),
                asMine("rewrite my client's search windows", "client_search_trigrams", NO_PRIVILEGE,
                        session -> Outcome.rows(session.rows("update client_search_trigrams set trigram = 'zqx'"
                                + " where user_id = ? and client_id = ?", mine.tenant(), mine.client()))),
                asMine("delete my client's search windows (searches then miss it)", "client_search_trigrams",
                        NO_PRIVILEGE, session -> Outcome.rows(session.rows("delete from client_search_trigrams"
                                + " where user_id = ? and client_id = ?", mine.tenant(), mine.client()))),
                asMine("rewrite a payment's date, method and transaction id", "payments",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or payments_immutable"),
                        session -> Outcome.rows(session.rows("""
                                update payments set payment_date = date '2020-01-01', method = 'cash',
                                                    transaction_id = 'rewritten'
                                where user_id = ? and id = ?""", mine.tenant(), mine.payment()))));
    }

    /** Issues A's draft credit note (of 1.00 on its sent invoice) in the probe's transaction. */
    private Outcome issueCreditNote(Session session) throws SQLException {
        return new Outcome.Value("version " + session.text("select issue_credit_note(?, 0, null, date '2025-01-06')::text",
                mine.creditNote()));
    }

    private Outcome update(Session session, String set, UUID invoice) throws SQLException {
        return Outcome.rows(session.rows("update " + set + " where user_id = ? and id = ?", mine.tenant(), invoice));
    }

    private static Outcome lifecycle(Session session, UUID invoice, long version, String status)
            throws SQLException {
        return new Outcome.Value("version " + session.text("select change_invoice_status(?, ?, ?)::text",
                invoice, version, status));
    }

    /**
     * Runs the deferred checks now, as COMMIT would, and reports "committed" if they pass; the
     * session still ends without a commit, so nothing stays.
     */
    private static Outcome commit(Session session) throws SQLException {
        session.rows("set constraints all immediate");
        return new Outcome.Value("committed");
    }

    private Probe asMine(String attack, String target, Expected expected, Probe.Action action) {
        return Probe.as(mine, attack, target, expected, action);
    }
}
