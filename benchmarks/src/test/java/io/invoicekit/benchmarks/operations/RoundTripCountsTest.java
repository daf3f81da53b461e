package io.invoicekit.benchmarks.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report's round trips per invocation are the benchmark's work alone, counted on the wire:
 * what invoice-persistence's RoundTripBudgetTest asserts for the same operations, not what the
 * benchmark prepares for them (an issue's draft, which JMH's state makes before an iteration).
 */
@ExtendWith(TestDatabaseExtension.class)
class RoundTripCountsTest {

    @Test
    void each_case_counts_its_own_work(MigratedDatabase database) throws SQLException {
        SmokeTarget smoke = SmokeTarget.load(database);
        BenchmarkCase lineItems = new BenchmarkCase(LineItemsOfInvoice.class, Variant.REPOSITORY);
        BenchmarkCase issue = new BenchmarkCase(InvoiceNumber.class, Variant.REPOSITORY);
        BenchmarkCase issueBySql = new BenchmarkCase(InvoiceNumber.class, Variant.JDBC);
        BenchmarkCase payment = new BenchmarkCase(RecordPayment.class, Variant.REPOSITORY);
        // Filtered by a date (the day overdue is decided on): a date parameter sent untyped made the
        // driver sync between the tenant setting and the statement once it was prepared, 3.
        BenchmarkCase overdue = new BenchmarkCase(SummariesByStatus.class, Variant.REPOSITORY);
        BenchmarkCase overdueBySql = new BenchmarkCase(SummariesByStatus.class, Variant.JDBC);

        Map<BenchmarkCase, Integer> counts = RoundTripCounts.count(smoke.target(),
                List.of(lineItems, issue, issueBySql, payment, overdue, overdueBySql));

        // A read: the statement with the tenant, then COMMIT; a write: lock, write, COMMIT.
        assertThat(counts).containsEntry(lineItems, 2).containsEntry(issue, 3).containsEntry(issueBySql, 3)
                .containsEntry(payment, 3).containsEntry(overdue, 2).containsEntry(overdueBySql, 2);
    }
}
