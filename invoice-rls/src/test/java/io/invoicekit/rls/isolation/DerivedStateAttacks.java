package io.invoicekit.rls.isolation;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Tenant A, with its tenant set, writing what only the database may derive on its own invoices:
 * numbers and counters, status, amount paid, totals, an issued invoice's header and lines, a
 * payment's record. Each is refused by a column privilege, a guard trigger, a CHECK or the
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
                asMine("store an invoice numbered by hand, in a second spelling (INV-0000014)", "invoices",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or invoices_number_canonical"),
                        session -> Outcome.rows(session.rows("""
                                insert into invoices (user_id, id, client_id, invoice_number, currency, issue_date,
                                                      due_date)
                                values (?, ?, ?, 'INV-0000014', 'EUR', date '2025-01-01', date '2025-01-31')""",
                                mine.tenant(), UUID.randomUUID(), mine.client()))),
                asMine("renumber my sent invoice", "invoices", NO_PRIVILEGE,
                        session -> update(session, "invoices set invoice_number = 'INV-000099'", mine.invoice())),
                asMine("delete my numbered draft (a gap in the numbers)", "invoices",
                        Expected.refused("42501").because("no DELETE on invoices"),
                        session -> Outcome.rows(session.rows("delete from invoices where user_id = ? and id = ?",
                                mine.tenant(), mine.draft()))),
                asMine("rewind my invoice number counter", "invoice_number_counters",
                        Expected.refused("42501").because("no privilege on the counters"),
                        session -> Outcome.rows(session.rows(
                                "update invoice_number_counters set last_value = 0 where user_id = ?", mine.tenant()))),
                asMine("mark my sent invoice paid with no payment", "invoices",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or invoices_status_matches_amount_paid"),
                        session -> update(session, "invoices set status = 'paid'", mine.invoice())),
                asMine("send my empty draft through the lifecycle function", "invoices",
                        Expected.refused("23514").because("invoices_sendable"),
                        session -> lifecycle(session, mine.draft(), 0, "sent")),
                asMine("void my draft, then send it again through the lifecycle function", "invoices",
                        Expected.refused("23514").because("invoices_status_transition"),
                        session -> {
                            lifecycle(session, mine.draft(), 0, "void");
                            return lifecycle(session, mine.draft(), 1, "sent");
                        }),
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
                asMine("rewrite a payment's date, method and transaction id", "payments",
                        NO_PRIVILEGE.or(Expected.refused("23514")).because("or payments_immutable"),
                        session -> Outcome.rows(session.rows("""
                                update payments set payment_date = date '2020-01-01', method = 'cash',
                                                    transaction_id = 'rewritten'
                                where user_id = ? and id = ?""", mine.tenant(), mine.payment()))));
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
