package io.invoicekit.cli;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The roles a DBA creates for a deployment, on an empty database of the tests: a plain owner (no
 * superuser, no BYPASSRLS, no CREATEROLE), which then owns the database; the application role if
 * missing; and a login of the service in it.
 */
final class PlainDeployment {

    private PlainDeployment() {
    }

    static void create(ConnectionSettings superuser, String owner, String ownerPassword, String appLogin,
                       String appPassword) throws SQLException {
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + owner);
            statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword
                    + "' NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            // What the DBA creates: the owner may not create roles.
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'invoice_app') THEN "
                    + "CREATE ROLE invoice_app NOLOGIN; END IF; END $$");
            statement.execute("DROP ROLE IF EXISTS " + appLogin);
            statement.execute("CREATE ROLE " + appLogin + " LOGIN PASSWORD '" + appPassword + "' IN ROLE invoice_app");
            statement.execute("ALTER DATABASE " + superuser.database() + " OWNER TO " + owner);
        }
    }
}
