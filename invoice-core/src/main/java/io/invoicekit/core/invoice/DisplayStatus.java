package io.invoicekit.core.invoice;

/**
 * The status to show a person on a given day: the stored {@link InvoiceStatus}, except that an
 * invoice still awaiting payment after its due date shows as {@code OVERDUE}, partially paid or not.
 */
public enum DisplayStatus {
    DRAFT,
    SENT,
    VIEWED,
    PARTIALLY_PAID,
    OVERDUE,
    PAID,
    CREDITED,
    VOID
}
