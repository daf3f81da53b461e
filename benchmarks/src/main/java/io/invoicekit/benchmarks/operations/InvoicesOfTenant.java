package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.Page;
import io.invoicekit.persistence.TenantTransaction;

/** The seeds' "get 1000 invoices": a tenant's newest 1000 invoices, each with its lines. */
public class InvoicesOfTenant extends InvoiceList {

    static final String NEWEST_WHERE = """
            where invoices.user_id = cast(? as uuid)
            order by invoices.issue_date desc, invoices.id desc
            fetch next ? rows only""";

    public InvoicesOfTenant() {
        super(NEWEST_WHERE);
    }

    @Override
    Object listByPeer() {
        return peer().invoices(tenantUuid(), LIMIT);
    }

    @Override
    Page<Invoice> listIn(TenantTransaction transaction) {
        return transaction.invoices().list(InvoiceFilter.all(), LIMIT);
    }

    @Override
    Object[] parameters() {
        return new Object[] {tenantUuid(), LIMIT + 1};
    }
}
