package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code SELECT 1} on a pooled connection of the application role: one round trip to the server
 * and nothing else, the floor under every other benchmark. A tenant transaction costs at least
 * three of these (set the tenant, the query, commit).
 */
public class RoundTrip extends BenchmarkDatabase {

    @Param("SELECT_ONE")
    public Variant variant;

    @Benchmark
    public int roundTrip() throws SQLException {
        return switch (variant) {
            case SELECT_ONE -> selectOne();
            default -> throw notMeasured(variant);
        };
    }

    private int selectOne() throws SQLException {
        try (Connection connection = application.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
