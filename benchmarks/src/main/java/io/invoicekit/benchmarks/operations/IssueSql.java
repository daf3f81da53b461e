package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The repository's {@code issue} written out for the JDBC baselines: the draft locked and read with
 * its lines (the repository checks it can be issued on that), then {@code issue_invoice_row} in
 * the tenant's default series, which issues it and returns it as issued (V19), with its lines.
 * CapturedWritesTest checks that the statements are the ones the repository sends.
 */
final class IssueSql {

    static final String ISSUE = InvoiceQueries.INVOICE_COLUMNS + """
            from issue_invoice_row(cast(? as uuid), ?, cast(? as uuid), cast(? as date)) as invoices""";
    /**
     * issue_invoice_row takes the tenant from the transaction's setting, and the RLS-off baseline sets
     * none: it sets it in the same statement, so that it still sends one round trip fewer, as it
     * does for every other operation. The subquery (volatile, never flattened) runs first: hence
     * the call in the select list, where the store's (in FROM) could run before it.
     */
    private static final String SET_TENANT_AND_ISSUE = """
            select (issue_invoice_row(cast(? as uuid), ?, cast(? as uuid), cast(? as date))).invoice_number
            from (select set_config('app.user_id', ?, true)) as tenant""";

    private IssueSql() {
    }

    /** Issues {@code draft} at {@code version}, dated {@code issueDate}, inside {@code way}'s transaction; returns its number. */
    static String issue(TenantSql way, Connection transaction, UUID tenant, UUID draft, long version, LocalDate issueDate)
            throws SQLException {
        TenantSql.query(transaction, InvoiceQueries.LOCK_INVOICE, tenant, draft);
        List<Object[]> issued = way.setsTenant()
                ? TenantSql.query(transaction, ISSUE, draft, version, null, issueDate)
                : TenantSql.query(transaction, SET_TENANT_AND_ISSUE, draft, version, null, issueDate, tenant.toString());
        if (issued.isEmpty()) {
            throw new IllegalStateException("invoice " + draft + " of tenant " + tenant + " is not at version " + version);
        }
        // The number: the second column of the issued row, the only one of the RLS-off baseline's.
        return (String) issued.getFirst()[way.setsTenant() ? 1 : 0];
    }
}
