package io.invoicekit.benchmarks.operations;

import io.invoicekit.core.invoice.DisplayStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.persistence.InvoiceFilter;
import io.invoicekit.persistence.Page;
import io.invoicekit.persistence.TenantTransaction;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The seeds' "filter by status", for the status that matters most: OVERDUE, derived from status,
 * due date and today (never stored), the newest 1000 of them with their lines.
 */
public class InvoicesByStatus extends InvoiceList {

    static final String OVERDUE_WHERE = """
            where (invoices.user_id = cast(? as uuid) and invoices.status in (?, ?, ?)
                   and invoices.due_date < cast(? as date))
            order by invoices.issue_date desc, invoices.id desc
            fetch next ? rows only""";

    public InvoicesByStatus() {
        super(OVERDUE_WHERE);
    }

    @Override
    Object listByPeer() {
        return peer().overdueInvoices(tenantUuid(), LIMIT);
    }

    @Override
    Page<Invoice> listIn(TenantTransaction transaction) {
        return transaction.invoices().list(InvoiceFilter.all().withStatus(DisplayStatus.OVERDUE), LIMIT);
    }

    @Override
    Object[] parameters() {
        return parameters(tenantUuid(), LocalDate.now(clock));
    }

    /** OVERDUE as the repository defines it: awaiting payment, due before today. */
    static Object[] parameters(UUID tenant, LocalDate today) {
        return new Object[] {tenant, "sent", "viewed", "partially_paid", today, LIMIT + 1};
    }
}
