package io.invoicekit.core.payment;

/**
 * Where a payment stands: {@code PENDING} until the money arrives, then {@code COMPLETED} or {@code
 * FAILED}. {@code REFUNDED} is the status of payments refunded before refunds were recorded against
 * credit notes ({@link Refund}); no payment becomes refunded any more. The database stores the
 * lower-case name of each constant.
 */
public enum PaymentStatus {
    PENDING,
    COMPLETED,
    FAILED,
    REFUNDED;

    /** Whether the lifecycle allows going from this status to {@code next}. */
    public boolean canBecome(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next == COMPLETED || next == FAILED;
            case COMPLETED, FAILED, REFUNDED -> false;
        };
    }

    /** Whether the money was received and kept, so it counts in the invoice's amount paid. */
    public boolean countsAsPaid() {
        return this == COMPLETED;
    }

    /**
     * Whether money is on its way or was received, which only an invoice that was sent and is not
     * void may take. A failed or refunded payment is over and holds no money.
     */
    public boolean isLive() {
        return this == PENDING || this == COMPLETED;
    }
}
