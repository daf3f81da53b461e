package io.invoicekit.rls.isolation;

import io.invoicekit.rls.isolation.Outcome.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Tenant A, with its tenant set, going for tenant B's rows in every table: reading, changing and
 * deleting them, writing rows that carry B's key, pointing foreign keys at B's rows, and probing
 * for B's keys through unique violations and ON CONFLICT. Each probe has a control that A sees its
 * own row, so that a zero means isolation and not an empty table.
 */
final class CrossTenantAttacks {

    private final TenantRows mine;
    private final TenantRows other;

    CrossTenantAttacks(TwoTenants tenants) {
        this.mine = tenants.mine();
        this.other = tenants.other();
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (TenantTable table : TenantTable.values()) {
            probes.addAll(onTable(table));
        }
        probes.addAll(foreignKeys());
        return probes;
    }

    private List<Probe> onTable(TenantTable table) {
        String key = table.tenantKey();
        String from = table.table();
        String onConflict = "on conflict (" + table.primaryKey() + ")";
        String countOfTenant = "select count(*) from " + from + " where " + key + " = ?";
        List<Probe> probes = new ArrayList<>(List.of(
                asMine("control: read my own rows", table, Expected.count(1, "row"),
                        session -> Outcome.rows(session.number(countOfTenant + " and id = ?", mine.tenant(),
                                mine.existingRow(table).id()))),
                asMine("read another tenant's rows", table, Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number(countOfTenant, other.tenant()))),
                asMine("update another tenant's rows (RETURNING)", table, Expected.count(0, "rows"),
                        session -> Outcome.rows(session.rows(
                                "update " + from + " set updated_at = now() where " + key + " = ? returning 1",
                                other.tenant()))),
                asMine("delete another tenant's rows (RETURNING)", table,
                        Expected.nothingDeleted(),
                        session -> Outcome.rows(session.rows(
                                "delete from " + from + " where " + key + " = ? returning 1", other.tenant()))),
                asMine("insert a row carrying another tenant's key", table, Expected.refused("42501"),
                        session -> Outcome.rows(table.insert(session, other.newRow(table), ""))),
                // Neither RETURNING nor a conflict target: either would need SELECT, whose policy
                // would refuse the new row and hide what the WITH CHECK does. Without that check,
                // "0 rows" would tell that the key exists.
                asMine("insert another tenant's existing key, ON CONFLICT DO NOTHING", table,
                        Expected.refused("42501"),
                        session -> Outcome.rows(table.insert(session, other.existingRow(table),
                                "on conflict do nothing"))),
                asMine("upsert another tenant's existing key, ON CONFLICT DO UPDATE", table,
                        Expected.refused("42501"),
                        session -> Outcome.rows(table.insert(session, other.existingRow(table),
                                onConflict + " do update set updated_at = now() returning 1"))),
                // No UPDATE of a key column is granted: refused before the policy looks.
                asMine("move my row to another tenant (UPDATE of the key)", table, Expected.refused("42501"),
                        session -> Outcome.rows(session.rows(
                                "update " + from + " set " + key + " = ? where " + key + " = ? returning 1",
                                other.tenant(), mine.tenant())))));
        if (!table.keyedByTenantOnly()) {
            probes.add(asMine("reuse another tenant's id and unique values as mine", table,
                    Expected.count(1, "row").because("inserted: unique keys include user_id"),
                    session -> Outcome.rows(table.insert(session, reusingOthersValues(table), "returning 1"))));
            probes.add(asMine("reuse another tenant's id and unique values, ON CONFLICT DO UPDATE", table,
                    Expected.value("inserted as mine").because("B's row neither updated nor seen"),
                    session -> new Value("t".equals(table.insertReturning(session, reusingOthersValues(table),
                            onConflict + " do update set updated_at = now() returning (xmax = 0)"))
                            ? "inserted as mine" : "updated an existing row")));
        }
        return probes;
    }

    private RowValues reusingOthersValues(TenantTable table) {
        return mine.newRow(table).withUniqueValuesOf(other.existingRow(table));
    }

    /** Keys include user_id, so a row of A can only ever point at rows of A. */
    private List<Probe> foreignKeys() {
        return List.of(
                reference(TenantTable.INVOICES, "client_id", row -> row.withClient(other.client())),
                reference(TenantTable.LINE_ITEMS, "invoice_id", row -> row.withInvoice(other.invoice())),
                reference(TenantTable.LINE_ITEMS, "service_id", row -> row.withService(other.service())),
                reference(TenantTable.PAYMENTS, "invoice_id", row -> row.withInvoice(other.invoice())),
                reference(TenantTable.CREDIT_NOTES, "invoice_id", row -> row.withInvoice(other.invoice())),
                reference(TenantTable.CREDIT_NOTE_LINES, "credit_note_id", row -> row.withCreditNote(other.creditNote())));
    }

    private Probe reference(TenantTable table, String column, UnaryOperator<RowValues> pointAtOther) {
        return asMine("point " + column + " at another tenant's row", table, Expected.refused("23503"),
                session -> Outcome.rows(table.insert(session, pointAtOther.apply(mine.newRow(table)), "")));
    }

    private Probe asMine(String attack, TenantTable table, Expected expected, Probe.Action action) {
        return Probe.as(mine, attack, table.table(), expected, action);
    }
}
