package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.util.List;

/**
 * Completed payments would pay more than an invoice's total less what credit notes credit, which the
 * database refuses too: {@code invoice INV-000001: payments must not exceed the invoice total EUR
 * 120.00, was EUR 150.00} (or {@code ... the invoice total less credited EUR 100.00 ...}). The payment
 * that tips it over should fail instead.
 */
public class OverpaymentException extends ValidationException {

    private final Money total;
    private final Money paid;

    /**
     * @param subject the invoice: {@code invoice INV-000001}
     * @param total what payments may add up to: the invoice's total less what was credited
     * @param paid the sum of its completed payments
     * @param credited whether credit notes lowered the total
     */
    public OverpaymentException(String subject, Money total, Money paid, boolean credited) {
        super(subject, List.of(new Violation("payments", "noOverpayment",
                "must not exceed the invoice total " + (credited ? "less credited " : "") + total + ", was " + paid)));
        this.total = total;
        this.paid = paid;
    }

    public Money total() {
        return total;
    }

    public Money paid() {
        return paid;
    }
}
