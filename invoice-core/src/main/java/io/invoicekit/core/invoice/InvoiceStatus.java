package io.invoicekit.core.invoice;

/**
 * Where an invoice stands in its lifecycle, as stored (the database stores the lower-case name of
 * each constant). Overdue is not among them: it depends on the day one asks, so it is derived when
 * asked for ({@link Invoice#statusOn(java.time.LocalDate)}), never stored to go stale.
 *
 * <pre>
 *   DRAFT ──issue──▶ SENT ──view──▶ VIEWED
 *                     │               │
 *                     └──payments──▶ PARTIALLY_PAID ⇄ PAID
 *   any issued status ──credit notes for the whole total──▶ CREDITED
 *   DRAFT with a number ──void──▶ VOID
 * </pre>
 *
 * <p>Status follows what was paid and credited: paid once payments and credit notes cover the
 * total, partially paid below it. An issued invoice is never void: a credit note cancels it. A draft without a number is
 * discarded, not voided; only a draft numbered before numbers were given at issue is voided, so
 * that its number stays on record.
 */
public enum InvoiceStatus {
    DRAFT,
    SENT,
    VIEWED,
    PARTIALLY_PAID,
    PAID,
    CREDITED,
    VOID;

    /** Whether the lifecycle allows going from this status to {@code next}. */
    public boolean canBecome(InvoiceStatus next) {
        return switch (this) {
            case DRAFT -> next == SENT || next == VOID;
            case SENT -> next == VIEWED || next == PARTIALLY_PAID || next == PAID || next == CREDITED;
            case VIEWED -> next == PARTIALLY_PAID || next == PAID || next == CREDITED;
            case PARTIALLY_PAID -> next == PAID || next == SENT || next == CREDITED;
            case PAID -> next == PARTIALLY_PAID || next == SENT || next == CREDITED;
            case CREDITED, VOID -> false;
        };
    }

    /** Whether the client owes the invoice's balance: sent and not yet fully paid. */
    public boolean awaitsPayment() {
        return this == SENT || this == VIEWED || this == PARTIALLY_PAID;
    }
}
