package io.invoicekit.core.payment;

/**
 * Where a payment stands: {@code PENDING} until the money arrives, then {@code COMPLETED} or {@code
 * FAILED}; a completed payment may later be {@code REFUNDED}. The database stores the lower-case name
 * of each constant.
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
            case COMPLETED -> next == REFUNDED;
            case FAILED, REFUNDED -> false;
        };
    }

    /** Whether the money was received and kept, so it counts in the invoice's amount paid. */
    public boolean countsAsPaid() {
        return this == COMPLETED;
    }

    /**
     * Whether the payment takes its share of the invoice's balance: received, or on its way. Two
     * pending payments may not together pay more than the invoice asks.
     */
    public boolean claimsBalance() {
        return this == PENDING || this == COMPLETED;
    }
}
