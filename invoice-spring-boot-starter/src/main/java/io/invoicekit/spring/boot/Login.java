package io.invoicekit.spring.boot;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Where and as whom the library connects besides the application's pool: the schema owner to
 * migrate, a monitoring role for the health report.
 *
 * @param url      a {@code jdbc:postgresql://} URL
 * @param username the login
 * @param password its password; null for none
 */
record Login(String url, String username, String password) {

    Login {
        requireNonNull(url, "url is null");
        requireNonNull(username, "username is null");
    }

    /**
     * Connections of this login, opened on demand and closed by whoever borrows them: not a pool, so
     * nothing of the login stays open once its work is done.
     */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    /**
     * Runs {@code work} on a data source that hands out one connection of this login, again and again
     * (closing it is ignored), and closes that connection once the work is done: a dozen queries
     * cost one connection, and nothing stays open between two runs.
     */
    <T> T onOneConnection(Function<DataSource, T> work) {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, username, password, true);
        try {
            return work.apply(connection);
        } finally {
            connection.destroy();
        }
    }

    @Override
    public String toString() {
        return username + " at " + url; // never the password
    }
}
