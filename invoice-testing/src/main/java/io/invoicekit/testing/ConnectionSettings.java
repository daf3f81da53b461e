package io.invoicekit.testing;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where to connect and as whom. Immutable; {@link #toDatabase} and {@link #as} derive others.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://host:port/database} URL, optionally with parameters
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) {

    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("[?&](user|password)=", Pattern.CASE_INSENSITIVE);

    public ConnectionSettings {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql://, was " + jdbcUrl);
        }
        // The driver lets URL parameters win over the user given beside them: a URL carrying a
        // user would silently turn every "application role" connection into the owner's.
        if (CREDENTIAL_PARAMETER.matcher(jdbcUrl).find()) {
            throw new IllegalArgumentException("jdbcUrl must not carry user or password parameters; give them "
                    + "separately (invoice.test.db.user / invoice.test.db.password), was " + jdbcUrl);
        }
    }

    /** The same server and user, another database. */
    public ConnectionSettings toDatabase(String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String url = "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
        return new ConnectionSettings(url, user, password);
    }

    /** The same database, another user. */
    public ConnectionSettings as(String otherUser, String otherPassword) {
        return new ConnectionSettings(jdbcUrl, otherUser, otherPassword);
    }

    /** The database name from the URL. */
    public String database() {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.substring(1);
    }

    /** A connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** A non-pooling data source: every getConnection() opens a new connection. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public String toString() {
        return user + " at " + jdbcUrl; // never the password
    }
}
