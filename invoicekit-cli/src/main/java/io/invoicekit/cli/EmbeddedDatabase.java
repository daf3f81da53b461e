package io.invoicekit.cli;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.EmbeddedServer;
import io.invoicekit.testing.EmbeddedServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database of a run without {@code --url}: an embedded PostgreSQL (invoice-testing's
 * {@link EmbeddedServer}, the server the tests run on), set up as a real deployment is. Its
 * superuser only prepares what a DBA would: a plain owner login ({@value #OWNER}: no superuser,
 * no BYPASSRLS, no CREATEROLE), the NOLOGIN application role, a login member of it ({@value #APPLICATION}),
 * and the database {@value #DATABASE} owned by the owner. The schema is then migrated as the owner,
 * through the same code path as {@code invoicekit migrate}, and the owner makes a tenant key for the
 * run ({@link #runKey}).
 */
final class EmbeddedDatabase {

    static final String OWNER = "invoicekit_owner";
    static final String APPLICATION = "invoicekit_app";
    static final String DATABASE = "invoicekit";
    /** The id of the tenant key each run of a migrated embedded database makes for the isolation probe. */
    static final String RUN_KEY = "embedded-run";

    private EmbeddedDatabase() {
    }

    /**
     * Starts the server and prepares the roles and the database, not yet migrated.
     *
     * @param applicationRole a validated lower-case identifier
     */
    static Target start(String applicationRole, Console console) {
        console.progress("no --url: starting an embedded PostgreSQL of its own (a throwaway server, removed at exit)");
        EmbeddedServer server;
        try {
            server = EmbeddedServers.start();
        } catch (RuntimeException e) {
            throw new CannotRun("the embedded PostgreSQL did not start: " + CannotRun.oneLine(e), e);
        }
        try {
            String ownerPassword = UUID.randomUUID().toString();
            String applicationPassword = UUID.randomUUID().toString();
            ConnectionSettings superuser = server.superuser();
            String plain = " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS";
            try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'" + plain);
                statement.execute("CREATE ROLE " + applicationRole + " NOLOGIN" + plain);
                statement.execute("CREATE ROLE " + APPLICATION + " LOGIN PASSWORD '" + applicationPassword + "'" + plain
                        + " IN ROLE " + applicationRole);
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
            String url = superuser.toDatabase(DATABASE).jdbcUrl();
            console.progress("embedded PostgreSQL " + server.version() + " on localhost:" + server.port() + ", database "
                    + DATABASE + " owned by " + OWNER + " (no superuser, no BYPASSRLS), application login "
                    + APPLICATION + " in " + applicationRole);
            return Target.embedded(server, new Login(url, OWNER, ownerPassword), applicationRole,
                    new Login(url, APPLICATION, applicationPassword));
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new CannotRun("could not prepare the embedded PostgreSQL: " + CannotRun.oneLine(e), e);
        }
    }

    /**
     * The key of this run, made once the schema is migrated as a deployment's would be: by the plain
     * owner, with create_tenant_key. A fresh database requires signed tenant tokens (V15), so the
     * isolation probe signs with it, as the service would with its own.
     */
    static TenantKey runKey(Target migrated) {
        return TenantKeys.createCommitted(migrated.dataSource(), RUN_KEY);
    }
}
