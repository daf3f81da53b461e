package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.validation.ValidationException;
import io.invoicekit.core.validation.Violation;
import java.util.List;

/**
 * Payments would take more than an invoice's total. Pending payments count, since their money is on
 * its way: {@code invoice INV-000001: payments must not exceed the invoice total EUR 120.00, was EUR
 * 150.00}.
 */
public class OverpaymentException extends ValidationException {

    private final Money total;
    private final Money claimed;

    /**
     * @param subject the invoice: {@code invoice INV-000001}
     * @param total the invoice's total
     * @param claimed the sum of its completed and pending payments
     */
    public OverpaymentException(String subject, Money total, Money claimed) {
        super(subject, List.of(new Violation("payments", "noOverpayment",
                "must not exceed the invoice total " + total + ", was " + claimed)));
        this.total = total;
        this.claimed = claimed;
    }

    public Money total() {
        return total;
    }

    public Money claimed() {
        return claimed;
    }
}
