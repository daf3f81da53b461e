package io.invoicekit.rls.isolation;

import io.invoicekit.rls.isolation.CatalogTable.ForeignKey;
import io.invoicekit.rls.isolation.Outcome.Count;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The attacks on a tenant table the probe knows only from the catalog (a service's own table, say):
 * tenant A, with both tenants' rows seeded by {@link CatalogSeeds}, reads, changes and deletes B's
 * rows, copies its own row with B's key, inserts B's row again under ON CONFLICT, points each
 * foreign key at B's row; with the tenant empty it reads and writes; and the catalog is asked for
 * unique and foreign keys that leave the tenant out. A control shows that A sees its own row, so
 * that a zero means isolation and not an empty table.
 */
final class GenericAttacks {

    private final CatalogTable table;
    private final TenantRows mine;
    private final TenantRows other;

    GenericAttacks(CatalogTable table, TwoTenants tenants) {
        this.table = table;
        this.mine = tenants.mine();
        this.other = tenants.other();
    }

    List<Probe> probes() {
        String from = table.name();
        String tenant = CatalogSeeds.quote(table.tenantColumn());
        // A column the role may update, so that RLS, not a missing privilege, is what the update meets.
        String writable = table.columns().stream().filter(column -> column.updatable() && !column.generated())
                .map(column -> CatalogSeeds.quote(column.name())).findFirst().orElse(tenant);
        List<Probe> probes = new ArrayList<>(List.of(
                asMine("control: read my own row", Expected.count(1, "row"), session -> {
                    Map<String, String> row = row(session, mine);
                    return Outcome.rows(session.number("select count(*) from " + from + " where "
                            + CatalogSeeds.tenantMatch(table) + " and " + sameRow(row), binds(mine, row)));
                }),
                asMine("read another tenant's rows", Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number("select count(*) from " + from + " where "
                                + CatalogSeeds.tenantMatch(table), other.tenant().toString()))),
                asMine("update another tenant's rows (RETURNING)",
                        Expected.count(0, "rows").or(Expected.refused("42501")).because("or no UPDATE privilege"),
                        session -> Outcome.rows(session.rows("update " + from + " set " + writable + " = " + writable
                                + " where " + CatalogSeeds.tenantMatch(table) + " returning 1", other.tenant().toString()))),
                asMine("delete another tenant's rows (RETURNING)", Expected.nothingDeleted(),
                        session -> Outcome.rows(session.rows("delete from " + from + " where "
                                + CatalogSeeds.tenantMatch(table) + " returning 1", other.tenant().toString()))),
                asMine("copy my row with another tenant's key", Expected.refused("42501"),
                        session -> Outcome.rows(CatalogSeeds.insert(session, table, CatalogSeeds.copy(table,
                                row(session, mine), Map.of(table.tenantColumn(), other.tenant().toString())), ""))),
                asMine("insert another tenant's existing row, ON CONFLICT DO NOTHING", Expected.refused("42501"),
                        session -> Outcome.rows(CatalogSeeds.insert(session, table, CatalogSeeds.same(table, row(session, other)),
                                "on conflict do nothing"))),
                Probe.unseeded("no tenant, fresh session: read", table.label(), Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number("select count(*) from " + from))),
                emptyTenant("read", Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number("select count(*) from " + from))),
                emptyTenant("insert", Expected.refused("42501"), session -> Outcome.rows(CatalogSeeds.insert(
                        session, table, CatalogSeeds.copy(table, row(session, mine), Map.of()), ""))),
                emptyTenant("delete every row (RETURNING)", Expected.nothingDeleted(),
                        session -> Outcome.rows(session.rows("delete from " + from + " returning 1"))),
                catalog("unique keys without the tenant column (a violation tells another tenant's value)",
                        table.uniqueKeysWithoutTenant().size(), "unique keys"),
                catalog("foreign keys without the tenant column (a row may point at another tenant's row)",
                        table.foreignKeys().stream().filter(key -> !key.includes(table.tenantColumn())).count(),
                        "foreign keys")));
        for (ForeignKey key : table.foreignKeys()) {
            List<String> pointing = key.columns().stream().filter(column -> !column.equals(table.tenantColumn())).toList();
            if (!pointing.isEmpty()) {
                probes.add(asMine("point " + String.join(", ", pointing) + " at another tenant's row",
                        Expected.refused("23503").or(Expected.refused("42501")).because("or no INSERT privilege"),
                        session -> {
                            Map<String, String> others = row(session, other);
                            Map<String, String> changes = new HashMap<>();
                            pointing.forEach(column -> changes.put(column, others.get(column)));
                            return Outcome.rows(CatalogSeeds.insert(session, table,
                                    CatalogSeeds.copy(table, row(session, mine), changes), ""));
                        }));
            }
        }
        return probes;
    }

    /** The seeded row of {@code tenant}; without one, the probe reports why and attacks nothing. */
    private Map<String, String> row(Session session, TenantRows tenant) throws SQLException {
        return session.seeded().of(table, tenant.tenant()).orElseThrow(() -> new SQLException(
                session.seeded().failure(table), Expected.NOT_SEEDED));
    }

    /** The row's identity: its values in the first unique key (all its columns if it has none). */
    private String sameRow(Map<String, String> row) {
        return identity(row).stream().map(column -> CatalogSeeds.quote(column) + "::text = ?")
                .collect(Collectors.joining(" and "));
    }

    private List<Object> binds(TenantRows tenant, Map<String, String> row) {
        List<Object> binds = new ArrayList<>();
        binds.add(tenant.tenant().toString());
        identity(row).forEach(column -> binds.add(row.get(column)));
        return binds;
    }

    private List<String> identity(Map<String, String> row) {
        return table.uniqueKeys().stream().findFirst()
                .orElse(row.keySet().stream().filter(column -> row.get(column) != null).toList());
    }

    /** A probe as A on the seeded rows; one that needs a row the table would not take reports that instead. */
    private Probe asMine(String attack, Expected expected, Probe.Action action) {
        return Probe.as(mine, attack, table.label(), expected.orNotSeeded(), action);
    }

    /** Both tenants seeded, then the tenant set to '' (what the setting reads once a session has used it). */
    private Probe emptyTenant(String attack, Expected expected, Probe.Action action) {
        return new Probe("empty tenant '': " + attack, table.label(), expected.orNotSeeded(), true, session -> {
            session.tenant("");
            return action.run(session);
        });
    }

    private Probe catalog(String finding, long count, String unit) {
        return Probe.unseeded(finding, table.label(), Expected.count(0, unit), session -> new Count(count, unit));
    }
}
