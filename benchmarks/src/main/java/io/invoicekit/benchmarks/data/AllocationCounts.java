package io.invoicekit.benchmarks.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The invoice numbers the number benchmarks stored since the last reset, and how many of them
 * were handed out twice (same tenant, same number), counted in the database with the same query
 * for ours ({@code baseline.allocated_numbers}, where the issuing benchmark copies the numbers of
 * the invoices it issued) and the seeds' {@code MAX()+1} ({@code baseline.invoice_numbers}, less
 * the numbers copied from the invoices).
 */
public record AllocationCounts(long ours, long oursDuplicates, long maxPlusOne, long maxPlusOneDuplicates) {

    private static final String COUNT = """
            select (select count(*) from baseline.allocated_numbers),
                   (select count(*) - count(distinct (user_id, invoice_number)) from baseline.allocated_numbers),
                   (select count(*) from baseline.invoice_numbers where allocated),
                   (select count(*) - count(distinct (user_id, invoice_number)) from baseline.invoice_numbers where allocated)""";

    /** Counts what the benchmarks allocated, then forgets it, so that the next run starts from the loaded numbers. */
    public static AllocationCounts countAndReset(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            AllocationCounts counts;
            try (ResultSet result = statement.executeQuery(COUNT)) {
                result.next();
                counts = new AllocationCounts(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
            }
            statement.execute("truncate baseline.allocated_numbers");
            statement.execute("delete from baseline.invoice_numbers where allocated");
            return counts;
        }
    }
}
