package io.invoicekit.benchmarks.operations;

/**
 * The SQL that invoice-persistence sends (as jOOQ renders it, less the {@code public.} qualifiers,
 * so that the per-row-policy baseline finds its copies of the tables through its search_path),
 * written out by hand for the baselines that are not captured from the repository ({@link
 * CapturedSql}): the writes' JDBC variants and the seeds' list query. Each benchmark class keeps
 * the statements only it uses; these are the ones several share.
 */
final class InvoiceQueries {

    /** An invoice's lines as one JSON array, the way jOOQ's MULTISET nests them in the invoice row. */
    static final String LINES = """
            (select coalesce(jsonb_agg(jsonb_build_array(t.v0, t.v1, t.v2, t.v3, t.v4, t.v5, t.v6)), jsonb_build_array())
             from (select line_items.id as v0, line_items.description as v1, line_items.quantity as v2,
                          line_items.unit_price as v3, line_items.amount as v4, line_items.currency as v5,
                          line_items.service_id as v6
                   from line_items
                   where (line_items.user_id = invoices.user_id and line_items.invoice_id = invoices.id)
                   order by line_items.position) as t)""";

    /** Every column of an invoice, with its lines, as the repository selects them; a FROM clause follows. */
    static final String INVOICE_COLUMNS = columns(true);

    /**
     * Every column of an invoice without the lines, from the table: what the seeds measured for
     * "get 1000 invoices" and "filter by status" ({@code SELECT * FROM invoices WHERE ...}), to
     * tell the nesting's cost from the rest. A WHERE clause follows.
     */
    static final String SELECT_INVOICES_WITHOUT_LINES = columns(false) + "from invoices\n";

    /** One invoice with its lines, locked: how the repository starts every change of an invoice. */
    static final String LOCK_INVOICE = INVOICE_COLUMNS + """
            from invoices as invoices
            where (invoices.user_id = cast(? as uuid) and invoices.id = cast(? as uuid))
            for update of invoices""";

    private InvoiceQueries() {
    }

    private static String columns(boolean withLines) {
        return """
                select invoices.id, invoices.invoice_number, invoices.client_id, invoices.issue_date, invoices.due_date,
                       invoices.tax_rate, invoices.currency, invoices.subtotal, invoices.tax, invoices.total,
                       invoices.amount_paid, invoices.amount_credited, invoices.status, invoices.paid_date, invoices.notes,
                       invoices.purchase_order, invoices.seller_name, invoices.seller_address, invoices.seller_vat_id,
                       invoices.buyer_name, invoices.buyer_address, invoices.buyer_vat_id, invoices.version""" + (withLines ? ",\n" + LINES : "") + "\n";
    }
}
