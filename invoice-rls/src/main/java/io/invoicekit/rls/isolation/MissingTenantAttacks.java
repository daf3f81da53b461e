package io.invoicekit.rls.isolation;

import io.invoicekit.rls.isolation.Outcome.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Work that never set a tenant, in the three ways the setting can be missing, must see nothing
 * and write nothing; and no database- or role-level default may hand sessions a tenant. A session
 * that never saw the setting cannot have seeded rows (seeding sets it), so the first two ways are
 * tried on what the database has committed; the empty tenant, which is what the setting reads after
 * use, on the seeded rows too.
 */
final class MissingTenantAttacks {

    /** How the tenant can be missing, and what the tenant setting reads then. */
    private enum Missing {
        FRESH_SESSION("no tenant, fresh session", "NULL", false),
        // Once a session has used the setting, it reads '' and no longer NULL: hence the nullif.
        AFTER_USE("no tenant, after a committed tenant transaction", "''", false),
        EMPTY("empty tenant ''", "''", true);

        private final String description;
        private final String reads;
        private final boolean seeded;

        Missing(String description, String reads, boolean seeded) {
            this.description = description;
            this.reads = reads;
            this.seeded = seeded;
        }

        void prepare(Session session, TenantRows someTenant) throws SQLException {
            switch (this) {
                case FRESH_SESSION -> {
                    // Nothing: the session has never seen the setting.
                }
                case AFTER_USE -> {
                    // A transaction that only set the tenant: the commit writes nothing.
                    session.tenant(someTenant.tenant());
                    session.commit();
                }
                case EMPTY -> session.tenant("");
            }
        }
    }

    private final TenantRows mine;

    MissingTenantAttacks(TwoTenants tenants) {
        this.mine = tenants.mine();
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Missing missing : Missing.values()) {
            probes.add(without(missing, "what the tenant setting reads", "tenant setting", Expected.value(missing.reads),
                    session -> new Value(session.setting())));
            for (TenantTable table : TenantTable.values()) {
                probes.addAll(onTable(missing, table));
            }
        }
        probes.add(Probe.unseeded("look for a default tenant of a database or role", "pg_db_role_setting",
                Expected.count(0, "settings of app.user_id or app.tenant_token"),
                session -> new Outcome.Count(session.number("""
                        select count(*)
                        from pg_db_role_setting, unnest(setconfig) as setting(text)
                        where setdatabase in (0, (select oid from pg_database where datname = current_database()))
                          and split_part(setting.text, '=', 1) in ('app.user_id', 'app.tenant_token')"""),
                        "settings of app.user_id or app.tenant_token")));
        return probes;
    }

    private List<Probe> onTable(Missing missing, TenantTable table) {
        String from = table.table();
        return List.of(
                without(missing, "read", from, Expected.count(0, "rows"),
                        session -> Outcome.rows(session.number("select count(*) from " + from))),
                without(missing, "insert", from, Expected.refused("42501"),
                        session -> Outcome.rows(table.insert(session, mine.newRow(table), ""))),
                without(missing, "update every row (RETURNING)", from, Expected.count(0, "rows"),
                        session -> Outcome.rows(session.rows("update " + from + " set updated_at = now() returning 1"))),
                without(missing, "delete every row (RETURNING)", from,
                        Expected.nothingDeleted(),
                        session -> Outcome.rows(session.rows("delete from " + from + " returning 1"))));
    }

    private Probe without(Missing missing, String attack, String target, Expected expected, Probe.Action action) {
        return new Probe(missing.description + ": " + attack, target, expected, missing.seeded, session -> {
            missing.prepare(session, mine);
            return action.run(session);
        });
    }
}
