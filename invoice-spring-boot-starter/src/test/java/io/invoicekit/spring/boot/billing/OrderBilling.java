package io.invoicekit.spring.boot.billing;

import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.persistence.InvoiceStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderBilling {

    private final JdbcTemplate jdbc;
    private final InvoiceStore invoices;

    public OrderBilling(JdbcTemplate jdbc, InvoiceStore invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    /** The order and its invoice commit together, or neither is stored. */
    @Transactional
    public Invoice placeAndBill(TenantId tenant, String reference, InvoiceDraft draft) {
        jdbc.update("insert into orders (reference) values (?)", reference);   // the service's own table
        return invoices.inTenant(tenant, tx -> {                              // joins this transaction
            Invoice invoice = tx.invoices().createDraft(draft);
            return tx.invoices().issue(invoice.id(), invoice.version());      // last: the series stays locked to the commit
        });
    }
}
