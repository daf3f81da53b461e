package io.invoicekit.core.client;

import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;

/**
 * How many days a client has to pay an invoice, from 0 (due on receipt) to 365; 30 unless agreed
 * otherwise. An invoice falls due that many days after its issue date unless it names its own due
 * date.
 */
public record PaymentTerms(int days) {

    /** Thirty days, the terms a client has unless agreed otherwise. */
    public static final PaymentTerms DEFAULT = new PaymentTerms(30);

    private static final int MAX_DAYS = 365;

    public PaymentTerms {
        var violations = new Violations();
        violations.check(days >= 0 && days <= MAX_DAYS, "paymentTermsDays", "range",
                () -> "must be between 0 and " + MAX_DAYS + ", was " + days);
        violations.throwIfAny("invalid payment terms");
    }

    public static PaymentTerms ofDays(int days) {
        return new PaymentTerms(days);
    }

    /** The day an invoice issued on {@code issueDate} falls due under these terms. */
    public LocalDate dueDateFor(LocalDate issueDate) {
        return issueDate.plusDays(days);
    }
}
