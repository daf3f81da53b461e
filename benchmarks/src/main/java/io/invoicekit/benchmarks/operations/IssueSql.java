package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The repository's {@code issue} written out for the JDBC baselines: the draft locked and read with
 * its lines (the repository checks it can be issued on that), {@code issue_invoice} in the
 * tenant's default series, and the invoice read back with its new number. CapturedWritesTest
 * checks that the statements are the ones the repository sends.
 */
final class IssueSql {

    static final String ISSUE = """
            select issue_invoice from issue_invoice(p_invoice_id := cast(? as uuid), p_version := ?,
                                                    p_series_id := cast(? as uuid), p_issue_date := cast(? as date))""";
    /**
     * issue_invoice takes the tenant from the transaction's setting, and the RLS-off baseline sets
     * none: it sets it in the same statement, so that it still sends one round trip fewer, as it
     * does for every other operation. The subquery (volatile, never flattened) runs first: hence
     * the call in the select list, where the store's (in FROM) could run before it.
     */
    private static final String SET_TENANT_AND_ISSUE = """
            select issue_invoice(cast(? as uuid), ?, cast(? as uuid), cast(? as date))
            from (select set_config('app.user_id', ?, true)) as tenant""";

    private IssueSql() {
    }

    /** Issues {@code draft} at {@code version}, dated {@code issueDate}, inside {@code way}'s transaction; returns its number. */
    static String issue(TenantSql way, Connection transaction, UUID tenant, UUID draft, long version, LocalDate issueDate)
            throws SQLException {
        TenantSql.query(transaction, InvoiceQueries.LOCK_INVOICE, tenant, draft);
        Object newVersion = way.setsTenant()
                ? TenantSql.query(transaction, ISSUE, draft, version, null, issueDate).getFirst()[0]
                : TenantSql.query(transaction, SET_TENANT_AND_ISSUE, draft, version, null, issueDate, tenant.toString())
                        .getFirst()[0];
        if (newVersion == null) {
            throw new IllegalStateException("invoice " + draft + " of tenant " + tenant + " is not at version " + version);
        }
        return (String) TenantSql.query(transaction, InvoiceQueries.FIND_INVOICE, tenant, draft).getFirst()[1];
    }
}
