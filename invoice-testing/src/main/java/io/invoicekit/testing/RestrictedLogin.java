package io.invoicekit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Proves that the application login really is what the isolation tests assume: the user it
 * connects as, not a superuser, without BYPASSRLS, a member of the application role. A test
 * connected as anything more powerful would pass while row-level security protects nobody.
 */
final class RestrictedLogin {

    private RestrictedLogin() {
    }

    static void require(ConnectionSettings application, String applicationRole) {
        try (Connection connection = application.connect();
             PreparedStatement query = connection.prepareStatement("""
                     select current_user, r.rolsuper, r.rolbypassrls, pg_has_role(current_user, ?, 'member')
                     from pg_roles r where r.rolname = current_user""")) {
            query.setString(1, applicationRole);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String user = row.getString(1);
                if (!user.equals(application.user()) || row.getBoolean(2) || row.getBoolean(3) || !row.getBoolean(4)) {
                    throw new IllegalStateException("the application login " + application + " connects as " + user
                            + " (superuser " + row.getBoolean(2) + ", bypassrls " + row.getBoolean(3) + ", member of "
                            + applicationRole + " " + row.getBoolean(4) + "); isolation tests need a plain member of "
                            + applicationRole);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect as the application login " + application + ": "
                    + e.getMessage(), e);
        }
    }
}
