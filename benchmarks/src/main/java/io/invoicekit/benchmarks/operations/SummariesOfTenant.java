package io.invoicekit.benchmarks.operations;

import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.TenantTransaction;

/** The tenant's newest 1000 invoices as a list screen's rows. */
public class SummariesOfTenant extends SummaryList {

    public SummariesOfTenant() {
        super(InvoicesOfTenant.NEWEST_WHERE);
    }

    @Override
    Object summariesIn(TenantTransaction transaction) {
        return transaction.invoices().summaries(InvoiceFilter.all(), InvoiceList.LIMIT);
    }

    @Override
    Object byPeer() {
        return peer().summaries(tenantUuid(), InvoiceList.LIMIT);
    }

    @Override
    Object[] parameters() {
        return new Object[] {tenantUuid(), InvoiceList.LIMIT + 1};
    }
}
