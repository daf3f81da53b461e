package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicekit.migration.MigrationState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a report says about the database it looked at: which one, as whom, the server's version and
 * the schema's.
 *
 * @param schemaVersion the latest migration applied, or why it is not known (the role cannot read
 *                      Flyway's history)
 * @param pending       migrations on the classpath not yet applied, or -1 when not known
 * @param embedded      the embedded server's version ({@code PostgreSQL 18.6}), or null by URL
 */
record DatabaseFacts(String url, String user, String database, String server, String schemaVersion, int pending,
                     String embedded) {

    static DatabaseFacts of(Target target) {
        String database;
        String server;
        try (Connection connection = target.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database(), current_setting('server_version')")) {
            row.next();
            database = row.getString(1);
            server = "PostgreSQL " + row.getString(2);
        } catch (SQLException e) {
            throw new CannotRun("cannot read the server's version from " + target.login() + ": " + CannotRun.oneLine(e), e);
        }
        String schemaVersion;
        int pending;
        try {
            List<MigrationState> states = Migration.defaults(target.applicationRole()).on(target.dataSource()).status();
            String latest = Migration.latestApplied(states);
            schemaVersion = latest == null ? "none (nothing migrated)" : latest;
            pending = (int) states.stream().filter(state -> !state.applied()).count();
        } catch (RuntimeException e) {
            // A role that may not read Flyway's history (the application role, for instance): its first line says so.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            schemaVersion = "unknown (" + reason.strip() + ")";
            pending = -1;
        }
        return new DatabaseFacts(target.login().url(), target.login().user(), database, server, schemaVersion, pending,
                target.embeddedServer().orElse(null));
    }

    /** One line: {@code owner at jdbc:postgresql://... (PostgreSQL 18.6, schema version 14)}. */
    String describe() {
        return user + " at " + url + " (" + server + ", schema version " + schemaVersion + pendingText()
                + (embedded == null ? "" : "; embedded, throwaway") + ")";
    }

    String pendingText() {
        return pending <= 0 ? "" : ", " + pending + " pending";
    }

    ObjectNode json() {
        ObjectNode json = Json.object();
        json.put("url", url);
        json.put("user", user);
        json.put("database", database);
        json.put("server", server);
        json.put("schemaVersion", schemaVersion);
        if (pending >= 0) {
            json.put("pendingMigrations", pending);
        }
        json.put("embedded", embedded != null);
        return json;
    }
}
