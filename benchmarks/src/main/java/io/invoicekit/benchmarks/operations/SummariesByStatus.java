package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.TenantTransaction;
import java.time.LocalDate;

/** The tenant's newest 1000 OVERDUE invoices as a list screen's rows. */
public class SummariesByStatus extends SummaryList {

    public SummariesByStatus() {
        super(InvoicesByStatus.OVERDUE_WHERE);
    }

    @Override
    Object summariesIn(TenantTransaction transaction) {
        return transaction.invoices().summaries(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE),
                InvoiceList.LIMIT);
    }

    @Override
    Object byPeer() {
        return peer().overdueSummaries(tenantUuid(), InvoiceList.LIMIT);
    }

    @Override
    Object[] parameters() {
        return InvoicesByStatus.parameters(tenantUuid(), LocalDate.now(clock));
    }
}
