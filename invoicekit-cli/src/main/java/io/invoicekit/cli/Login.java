package io.invoicekit.cli;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Where to connect and as whom; {@link #toString()} never shows the password. */
record Login(String url, String user, String password) {

    /** Seconds to wait for a server to answer before giving up with "cannot connect". */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    Login {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** A non-pooling data source: each getConnection() opens a connection of its own. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName("invoicekit-cli");
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }

    /**
     * Opens and closes one connection, so that an unreachable database is one clear line rather
     * than every step failing with it.
     *
     * @throws CannotRun when the connection fails
     */
    void probe() {
        try (Connection connection = dataSource().getConnection()) {
            connection.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new CannotRun("cannot connect to " + url + " as " + user + ": " + CannotRun.oneLine(e), e);
        }
    }

    @Override
    public String toString() {
        return user + " at " + url;
    }
}
