package io.invoicekit.core.payment;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.tenant.InvoiceId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.validation.IllegalStatusTransitionException;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;

/**
 * Money paid against one invoice: an amount greater than 0, in the invoice's currency (checked when
 * the payment is applied to it), by a method, on a date. The transaction id (at most 255 characters,
 * the payment provider's reference, recorded once per tenant) and the notes are null when there are
 * none.
 *
 * <p>A payment starts {@code PENDING}; {@link #complete()} and {@link #fail()} move it along its
 * lifecycle and refuse any other move. Money paid back is a {@link Refund} against a credit note,
 * not a change of the payment. {@code version} is the optimistic-locking
 * version as read from the database, 0 for a payment not stored yet; the repository increments it.
 */
public record Payment(
        PaymentId id,
        InvoiceId invoiceId,
        Money amount,
        PaymentMethod method,
        PaymentStatus status,
        LocalDate paymentDate,
        String transactionId,
        String notes,
        long version) {

    private static final TextRule TRANSACTION_ID = TextRule.optional("transactionId", 255);
    private static final TextRule NOTES = TextRule.optional("notes");

    public Payment {
        var violations = new Violations();
        violations.require("id", id);
        violations.require("invoiceId", invoiceId);
        if (violations.require("amount", amount)) {
            violations.check(amount.isPositive(), "amount", "positive", () -> "must be greater than 0, was " + amount);
            amount.checkStorable(violations, "amount");
        }
        violations.require("method", method);
        violations.require("status", status);
        if (violations.require("paymentDate", paymentDate)) {
            violations.checkDate("paymentDate", paymentDate);
        }
        transactionId = TRANSACTION_ID.check(violations, transactionId);
        notes = NOTES.check(violations, notes);
        violations.checkVersion(version);
        violations.throwIfAny("invalid payment");
    }

    /** A payment not stored yet and not confirmed yet, at version 0. Transaction id and notes may be null. */
    public static Payment pending(
            PaymentId id,
            InvoiceId invoiceId,
            Money amount,
            PaymentMethod method,
            LocalDate paymentDate,
            String transactionId,
            String notes) {
        return new Payment(id, invoiceId, amount, method, PaymentStatus.PENDING, paymentDate, transactionId, notes, 0);
    }

    /** The money arrived: pending to completed. */
    public Payment complete() {
        return moveTo(PaymentStatus.COMPLETED);
    }

    /** The money will not arrive: pending to failed. */
    public Payment fail() {
        return moveTo(PaymentStatus.FAILED);
    }

    private Payment moveTo(PaymentStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStatusTransitionException("payment " + id.value(), status, next);
        }
        return new Payment(id, invoiceId, amount, method, next, paymentDate, transactionId, notes, version);
    }
}
