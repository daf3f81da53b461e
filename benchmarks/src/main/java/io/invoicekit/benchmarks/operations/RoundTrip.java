package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@code SELECT 1} on a pooled connection of the application role: one round trip to the server
 * and nothing else, the floor under every other benchmark. A tenant transaction costs at least
 * three of these (set the tenant, the query, commit).
 */
public class RoundTrip extends BenchmarkDatabase {

    @Benchmark
    public int selectOne() throws SQLException {
        try (Connection connection = application.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
