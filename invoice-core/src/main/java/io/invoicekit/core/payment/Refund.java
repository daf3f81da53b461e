package io.invoicekit.core.payment;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.CreditNoteId;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.RefundId;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;

/**
 * Money paid back to the client, against an issued credit note of the invoice: more than 0, at
 * most what the credit note credits less what was refunded on it, and at most what was paid beyond
 * what is owed (the database refuses more, whoever asks). Recorded once the money went out; it
 * lowers the invoice's amount paid and never changes. The transaction id (at most 255 characters)
 * is null when there is none.
 */
public record Refund(
        RefundId id,
        CreditNoteId creditNoteId,
        InvoiceId invoiceId,
        Money amount,
        PaymentMethod method,
        LocalDate refundDate,
        String transactionId) {

    private static final TextRule TRANSACTION_ID = TextRule.optional("transactionId", 255);

    public Refund {
        var violations = new Violations();
        violations.require("id", id);
        violations.require("creditNoteId", creditNoteId);
        violations.require("invoiceId", invoiceId);
        if (violations.require("amount", amount)) {
            violations.check(amount.isPositive(), "amount", "positive", () -> "must be greater than 0, was " + amount);
            amount.checkStorable(violations, "amount");
        }
        violations.require("method", method);
        if (violations.require("refundDate", refundDate)) {
            violations.checkDate("refundDate", refundDate);
        }
        transactionId = TRANSACTION_ID.check(violations, transactionId);
        violations.throwIfAny("invalid refund");
    }
}
