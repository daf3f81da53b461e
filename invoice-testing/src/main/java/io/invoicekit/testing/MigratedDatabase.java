package io.invoicekit.testing;

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

    public DataSource ownerDataSource() {
        return owner.dataSource();
    }

    public DataSource applicationDataSource() {
        return application.dataSource();
    }
}
