package io.invoicekit.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A database migrated to the latest schema, with two ways in: as the owner of the schema, and
 * as a login role that is a member of the application role (what a service connects as, and
 * what every isolation test must use: the owner's view proves nothing about RLS).
 *
 * @param owner           the role that migrated the schema; with the embedded and container
 *                        databases a superuser, which bypasses row-level security
 * @param application     a login member of {@code applicationRole}, subject to row-level security
 * @param applicationRole the NOLOGIN role the migrations granted privileges to
 */
public record MigratedDatabase(ConnectionSettings owner, ConnectionSettings application, String applicationRole) {

    /** The id of the tests' tenant key. */
    public static final String TEST_KEY = "invoicekit-test";

    public DataSource ownerDataSource() {
        return owner.dataSource();
    }

    public DataSource applicationDataSource() {
        return application.dataSource();
    }

    /**
     * The key the tests' services sign their tenant tokens with, as a service reads it from its
     * configuration ({@code <key id>:<secret in hex>}): the database's key {@value #TEST_KEY},
     * created by the owner on first use.
     */
    public String tenantKey() {
        try (Connection connection = owner.connect(); Statement statement = connection.createStatement();
             ResultSet key = statement.executeQuery("select coalesce((select k.key_id || ':' || encode(k.secret, 'hex') "
                     + "from public.tenant_keys k where k.key_id = '" + TEST_KEY + "' and k.retired_at is null), "
                     + "public.create_tenant_key('" + TEST_KEY + "'))")) {
            key.next();
            return key.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or create the tenant key " + TEST_KEY + " as " + owner + ": "
                    + e.getMessage(), e);
        }
    }
}
