package io.invoicekit.rls.isolation;

import io.invoicekit.rls.isolation.Outcome.Count;
import io.invoicekit.rls.isolation.Outcome.Value;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The side doors: COPY, planner statistics, child tables, privileges that ignore row-level
 * security (TRUNCATE, REFERENCES, TRIGGER, CREATE) and user functions that leak what they are
 * given (PostgreSQL's own f_leak test: a NOTICE per row it sees, at a cost so low that the planner
 * would run it first if the policy did not have to come first).
 */
final class CatalogAttacks {

    private static final String F_LEAK = """
            create function %s.f_leak(text) returns boolean cost 0.0000001 language plpgsql as $$
            begin
                raise notice 'f_leak => %%', $1;
                return true;
            end
            $$""";

    private final List<CatalogTable> tables;
    private final TenantRows mine;
    private final TenantRows other;

    CatalogAttacks(List<CatalogTable> tables, TwoTenants tenants) {
        this.tables = tables;
        this.mine = tenants.mine();
        this.other = tenants.other();
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (CatalogTable table : tables) {
            probes.addAll(onTable(table.name(), table.label()));
        }
        probes.add(Probe.unseeded("create a leaky function in schema public", "schema public", Expected.refused("42501"),
                session -> {
                    session.rows(F_LEAK.formatted("public"));
                    return new Value("created");
                }));
        probes.add(Probe.unseeded("create a schema to plant functions in", "database", Expected.refused("42501"),
                session -> {
                    session.rows("create schema probe_plant");
                    return new Value("created");
                }));
        return probes;
    }

    /** The attacks on {@code table} (as SQL names it), shown as {@code label}. */
    private List<Probe> onTable(String table, String label) {
        return List.of(
                asMine("COPY (SELECT * FROM table) TO STDOUT", label, Expected.count(0, "lines of tenant B"),
                        session -> copyOut(session, "copy (select * from " + table + ") to stdout")),
                asMine("COPY table TO STDOUT", label, Expected.count(0, "lines of tenant B"),
                        session -> copyOut(session, "copy " + table + " to stdout")),
                asMine("COPY table FROM STDIN (no WITH CHECK for COPY)", label,
                        Expected.refused("0A000").or(Expected.refused("42501"))
                                .because("or no INSERT on every column"),
                        session -> copyIn(session, "copy " + table + " from stdin")),
                asMine("read planner statistics (pg_stats)", label,
                        Expected.count(0, "rows").because("pg_stats hides tables under RLS"),
                        session -> Outcome.rows(session.number(
                                "select count(*) from pg_stats where format('%I.%I', schemaname, tablename) = ?",
                                table))),
                asMine("read through a partition or child table", label, Expected.count(0, "child tables"),
                        session -> new Count(session.number(
                                "select count(*) from pg_inherits where inhparent = ?::regclass", table),
                                "child tables")),
                asMine("TRUNCATE (ignores row-level security)", label, Expected.refused("42501"),
                        session -> {
                            session.rows("truncate " + table);
                            return new Value("truncated");
                        }),
                asMine("create a trigger (runs on every tenant's rows)", label, Expected.refused("42501"),
                        session -> {
                            session.rows("create trigger probe_trigger before insert on " + table
                                    + " for each row execute function suppress_redundant_updates_trigger()");
                            return new Value("created");
                        }),
                asMine("REFERENCES privilege (a foreign key would probe other tenants' keys)", label,
                        Expected.value("not granted"),
                        session -> new Value(session.text("select has_table_privilege(?, 'REFERENCES')::text", table)
                                .equals("true") ? "granted" : "not granted")),
                asMine("leaky function in pg_temp in the WHERE clause (f_leak)", label,
                        Expected.count(0, "notices of tenant B").or(Expected.refused("42501"))
                                .because("or no TEMP privilege"),
                        session -> leakThroughFunction(session, table)));
    }

    private Outcome copyOut(Session session, String copy) throws SQLException {
        StringWriter out = new StringWriter();
        try {
            session.connection().unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        List<String> lines = out.toString().lines().toList();
        return new Count(lines.stream().filter(line -> line.contains(other.tenant().toString())).count(),
                "lines of tenant B, of " + lines.size());
    }

    private static Outcome copyIn(Session session, String copy) throws SQLException {
        try {
            return new Count(session.connection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copy, new StringReader("")), "rows copied in");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private Outcome leakThroughFunction(Session session, String table) throws SQLException {
        session.rows(F_LEAK.formatted("pg_temp"));
        List<String> notices = new ArrayList<>();
        try (PreparedStatement statement = session.connection().prepareStatement(
                "select count(*) from " + table + " as probed where pg_temp.f_leak(probed::text)")) {
            statement.executeQuery().close();
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                notices.add(warning.getMessage());
            }
        }
        return new Count(notices.stream().filter(notice -> notice.contains(other.tenant().toString())).count(),
                "notices of tenant B, of " + notices.size());
    }

    private Probe asMine(String attack, String table, Expected expected, Probe.Action action) {
        return Probe.as(mine, attack, table, expected, action);
    }
}
