package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import java.time.LocalDate;

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
    VOID;

    /**
     * The rule, for an {@link Invoice} and its {@link InvoiceSummary} alike: {@code OVERDUE} when the
     * invoice awaits payment, something is still owed and the due date is before {@code day} (due
     * today is not overdue); else the stored status.
     */
    static DisplayStatus of(InvoiceStatus stored, Money balance, LocalDate dueDate, LocalDate day) {
        if (stored.awaitsPayment() && balance.isPositive() && dueDate.isBefore(day)) {
            return OVERDUE;
        }
        return switch (stored) {
            case DRAFT -> DRAFT;
            case SENT -> SENT;
            case VIEWED -> VIEWED;
            case PARTIALLY_PAID -> PARTIALLY_PAID;
            case PAID -> PAID;
            case CREDITED -> CREDITED;
            case VOID -> VOID;
        };
    }
}
