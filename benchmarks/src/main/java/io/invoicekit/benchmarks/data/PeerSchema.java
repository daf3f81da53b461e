package io.invoicekit.benchmarks.data;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The schema {@code peer}, beside {@code public} and {@code baseline}: the tables the Hibernate
 * peer ({@code io.invoicekit.benchmarks.peer}) maps, as a team would have them that keeps tenants
 * apart with Hibernate's {@code @TenantId} instead of the database. Copies of {@value #COPIED} with
 * their rows, columns, CHECK constraints, defaults and indexes ({@code LIKE ... INCLUDING ALL}) and
 * their foreign keys among each other; the tenants ({@code users}) for the seller an invoice copies
 * at issue, and {@code invoice_series} for the counter per tenant that numbers it. No row-level
 * security and no triggers: no numbering, status or audit done by the database, and nothing but
 * Hibernate's own filter between one tenant's rows and another's.
 *
 * <p>Reached by a plain LOGIN role of its own, {@value #LOGIN}, with DML on these tables and no
 * privilege on any other schema's tables; roles belong to the whole server, so it is created once
 * and given its privileges in every database the peer schema is created in.
 */
public final class PeerSchema {

    /** The login the peer connects as. */
    public static final String LOGIN = "invoicekit_peer";

    /** In the order of their foreign keys: each after the tables it references. */
    private static final List<String> COPIED = List.of(
            "users", "invoice_series", "clients", "invoices", "line_items", "payments");

    private PeerSchema() {
    }

    static void create(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS peer CASCADE");
            statement.execute("CREATE SCHEMA peer");
            for (String table : COPIED) {
                statement.execute("CREATE TABLE peer." + table + " (LIKE public." + table + " INCLUDING ALL)");
                statement.execute("INSERT INTO peer." + table + " SELECT * FROM public." + table);
            }
            for (String foreignKey : foreignKeys(owner)) {
                statement.execute(foreignKey);
            }
            statement.execute("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s LOGIN;
                        END IF;
                    END
                    $$""".formatted(LOGIN, LOGIN));
            statement.execute("GRANT USAGE ON SCHEMA peer TO " + LOGIN);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA peer TO " + LOGIN);
            for (String table : COPIED) {
                statement.execute("VACUUM (ANALYZE) peer." + table);
            }
        }
    }

    /**
     * The peer's login, given a new password by {@code owner} (a superuser) for this run: nothing
     * has to carry a password of the peer's from the load to the JMH forks.
     */
    public static ConnectionSettings login(ConnectionSettings owner) throws SQLException {
        String password = UUID.randomUUID().toString();
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + LOGIN + " PASSWORD '" + password + "'");
        }
        return owner.as(LOGIN, password);
    }

    /**
     * Each foreign key of the copied tables as public has it, onto the peer's copy where the table it
     * references is copied too (to public's table where not: services, which the peer does not map).
     */
    private static List<String> foreignKeys(Connection owner) throws SQLException {
        // With pg_catalog alone on the search_path, pg_get_constraintdef qualifies every table it names.
        String definitions = """
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                from pg_constraint c
                where c.contype = 'f' and c.conrelid = any (cast(? as regclass[]))
                order by c.conrelid, c.conname""";
        List<String> foreignKeys = new ArrayList<>();
        try (Statement path = owner.createStatement()) {
            path.execute("set search_path = pg_catalog");
            try (PreparedStatement query = owner.prepareStatement(definitions)) {
                query.setArray(1, owner.createArrayOf("text", COPIED.stream().map(t -> "public." + t).toArray()));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String definition = row.getString(3);
                        for (String table : COPIED) {
                            definition = definition.replace("REFERENCES public." + table + "(",
                                    "REFERENCES peer." + table + "(");
                        }
                        foreignKeys.add("ALTER TABLE " + row.getString(1).replaceFirst("^public\\.", "peer.")
                                + " ADD CONSTRAINT " + row.getString(2) + " " + definition);
                    }
                }
            }
        } finally {
            try (Statement path = owner.createStatement()) {
                path.execute("reset search_path");
            }
        }
        return foreignKeys;
    }
}
