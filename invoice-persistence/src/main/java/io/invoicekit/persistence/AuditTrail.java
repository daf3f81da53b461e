package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.AUDIT_EVENTS;
import static org.jooq.Records.mapping;

import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * The history of a tenant's documents, as the database wrote it: read-only, oldest first.
 * Obtained from {@link TenantTransaction#audit()}; valid only inside that transaction.
 */
public final class AuditTrail {

    private final DSLContext transaction;
    private final UUID tenant;

    AuditTrail(DSLContext transaction, TenantId tenant) {
        this.transaction = transaction;
        this.tenant = tenant.value();
    }

    /** Every change of the invoice and its lines. */
    public List<AuditEvent> of(InvoiceId invoice) {
        return of(invoice.value());
    }

    /** Every change of the credit note and its lines. */
    public List<AuditEvent> of(CreditNoteId creditNote) {
        return of(creditNote.value());
    }

    /** Every change of the payment. */
    public List<AuditEvent> of(PaymentId payment) {
        return of(payment.value());
    }

    private List<AuditEvent> of(UUID document) {
        return transaction.select(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.DOCUMENT_KIND, AUDIT_EVENTS.DOCUMENT_ID,
                        AUDIT_EVENTS.CHANGED_TABLE, AUDIT_EVENTS.ACTION, AUDIT_EVENTS.CHANGES.convertFrom(JSONB::data),
                        AUDIT_EVENTS.ACTOR, AUDIT_EVENTS.REASON)
                .from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.USER_ID.eq(tenant).and(AUDIT_EVENTS.DOCUMENT_ID.eq(document)))
                .orderBy(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ID)
                .fetch(mapping(AuditEvent::new));
    }
}
