package io.invoicekit.persistence;

import io.invoicekit.core.tenant.TenantId;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * One tenant's repositories inside one database transaction, handed to the work given to
 * {@link InvoiceStore#inTenant}. Everything done through it commits or rolls back together.
 * Do not keep it beyond the work: the transaction ends when the work returns.
 */
public final class TenantTransaction {

    private final DSLContext transaction;
    private final TenantId tenant;
    private final ClientRepository clients;
    private final ServiceCatalog services;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final CreditNoteRepository creditNotes;
    private final NumberingSeriesRepository series;
    private final TenantProfile profile;
    private final AuditTrail audit;

    TenantTransaction(DSLContext transaction, TenantId tenant, Clock clock) {
        this.transaction = transaction;
        this.tenant = tenant;
        this.clients = new ClientRepository(transaction, tenant);
        this.services = new ServiceCatalog(transaction, tenant);
        this.invoices = new InvoiceRepository(transaction, tenant, clock);
        this.payments = new PaymentRepository(transaction, tenant, clock, invoices);
        this.creditNotes = new CreditNoteRepository(transaction, tenant, clock, invoices);
        this.series = new NumberingSeriesRepository(transaction, tenant, clock);
        this.profile = new TenantProfile(transaction, tenant);
        this.audit = new AuditTrail(transaction, tenant);
    }

    /** The tenant this transaction works for. */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The transaction's own jOOQ context, for the service's SQL on its own tables (an order, an
     * outbox record) in the same transaction as the invoices: it commits or rolls back with them.
     * The tenant is set on it, so row-level security applies as it does to the repositories.
     */
    public DSLContext dsl() {
        return transaction;
    }

    public ClientRepository clients() {
        return clients;
    }

    public ServiceCatalog services() {
        return services;
    }

    public InvoiceRepository invoices() {
        return invoices;
    }

    public PaymentRepository payments() {
        return payments;
    }

    public CreditNoteRepository creditNotes() {
        return creditNotes;
    }

    public NumberingSeriesRepository series() {
        return series;
    }

    public TenantProfile profile() {
        return profile;
    }

    public AuditTrail audit() {
        return audit;
    }
}
