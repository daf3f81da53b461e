package io.invoicekit.rls.isolation;

import java.sql.SQLException;
import java.util.List;

/**
 * The probe's two tenants, with random ids: A ({@link #mine()}) the attacker, B ({@link #other()})
 * the victim. They exist only inside each probe's session: {@link #seed} gives each one row in
 * every table of ours, in the session's transaction, which is never committed. So the probe can run
 * on any database, production included, and leaves no row behind.
 *
 * <p>Each has a sent invoice with one line, a pending payment and a draft credit note, and an empty
 * draft, stored the way the application stores them: the database numbers the invoice as the
 * lifecycle function sends it.
 */
final class TwoTenants {

    private final TenantRows mine;
    private final TenantRows other;

    private TwoTenants(TenantRows mine, TenantRows other) {
        this.mine = mine;
        this.other = other;
    }

    static TwoTenants random() {
        return new TwoTenants(TenantRows.random("A"), TenantRows.random("B"));
    }

    TenantRows mine() {
        return mine;
    }

    TenantRows other() {
        return other;
    }

    /** {@code text} with the tenants' ids replaced by their names (A, B), for the report. */
    String describe(String text) {
        return text.replace(mine.tenant().toString(), mine.name()).replace(other.tenant().toString(), other.name());
    }

    /** Inserts {@code tenant}'s rows in the session's transaction, under that tenant, which stays set. */
    static void seed(Session session, TenantRows tenant) throws SQLException {
        session.tenant(tenant.tenant());
        for (TenantTable table : List.of(TenantTable.USERS, TenantTable.CLIENTS, TenantTable.SERVICES,
                TenantTable.INVOICE_SERIES, TenantTable.INVOICES, TenantTable.LINE_ITEMS)) {
            table.insert(session, tenant.existingRow(table), "");
        }
        session.text("select issue_invoice(?, 0, null, date '2025-01-05')::text", tenant.invoice());
        for (TenantTable table : List.of(TenantTable.PAYMENTS, TenantTable.CREDIT_NOTES,
                TenantTable.CREDIT_NOTE_LINES)) {
            table.insert(session, tenant.existingRow(table), "");
        }
        session.rows("""
                insert into invoices (user_id, id, client_id, currency, issue_date, due_date)
                values (?, ?, ?, 'EUR', date '2025-02-01', date '2025-03-01')""",
                tenant.tenant(), tenant.draft(), tenant.client());
    }
}
