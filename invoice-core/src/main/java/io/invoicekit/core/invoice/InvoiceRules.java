package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a draft, a stored invoice and its summary share, in one place so that they cannot drift
 * apart.
 */
final class InvoiceRules {

    private static final TextRule DESCRIPTION = TextRule.required("description", 1000);
    private static final TextRule NOTES = TextRule.optional("notes");
    private static final TextRule PURCHASE_ORDER = TextRule.optional("purchaseOrder", 100);
    private static final TextRule REASON = TextRule.required("reason", 1000);

    private InvoiceRules() {
    }

    /** What the client still owes, as {@link Invoice#balance()} and {@link InvoiceSummary#balance()} say. */
    static Money balance(Money total, Money amountPaid, Money amountCredited) {
        return total.minus(amountPaid).minus(amountCredited);
    }

    /**
     * A line needs a description (1 to 1000 characters, not blank), a quantity and a unit price of
     * 0 or more (a discount is a line of its own kind, not a negative price); its amount, quantity
     * times unit price, must be storable like the unit price (below 10^10).
     *
     * @return the description, stripped
     */
    static String checkLine(Violations violations, String description, Quantity quantity, Money unitPrice) {
        var stripped = DESCRIPTION.check(violations, description);
        violations.require("quantity", quantity);
        if (violations.require("unitPrice", unitPrice)) {
            violations.check(!unitPrice.isNegative(), "unitPrice", "notNegative",
                    () -> "must be at least 0, in the currency's minor units, was " + unitPrice);
            unitPrice.checkStorable(violations, "unitPrice");
        }
        if (quantity != null && unitPrice != null) {
            unitPrice.times(quantity).checkStorable(violations, "amount");
        }
        return stripped;
    }

    /** Every line is present and priced in the invoice's currency, if that is known. */
    static <L> void checkLines(
            Violations violations, List<L> lines, Currency currency, Function<L, Money> unitPrice) {
        if (!violations.require("lines", lines)) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (violations.require("lines[" + i + "]", line) && currency != null) {
                var price = unitPrice.apply(line);
                violations.check(price.currency().equals(currency), "lines[" + i + "].unitPrice", "sameCurrency",
                        () -> "must be in " + currency + ", was " + price);
            }
        }
    }

    /**
     * The issue date is required, and so is the due date unless {@code dueDateOptional}; each is a
     * date of the years 1 to 9999, and a due date is not before the issue date.
     */
    static void checkDates(Violations violations, LocalDate issueDate, LocalDate dueDate, boolean dueDateOptional) {
        if (violations.require("issueDate", issueDate)) {
            violations.checkDate("issueDate", issueDate);
        }
        if (dueDate == null && !dueDateOptional) {
            violations.require("dueDate", null);
        }
        if (dueDate != null) {
            violations.checkDate("dueDate", dueDate);
            if (issueDate != null) {
                violations.check(!dueDate.isBefore(issueDate), "dueDate", "notBeforeIssueDate",
                        () -> "must not be before issueDate " + issueDate + ", was " + dueDate);
            }
        }
    }

    /** @return the notes stripped, or null if there are none */
    static String notes(Violations violations, String notes) {
        return NOTES.check(violations, notes);
    }

    /** @return the client's purchase-order reference stripped, or null if there is none */
    static String purchaseOrder(Violations violations, String purchaseOrder) {
        return PURCHASE_ORDER.check(violations, purchaseOrder);
    }

    /** @return why a credit note credits, stripped: required, 1 to 1000 characters, not blank */
    static String creditReason(Violations violations, String reason) {
        return REASON.check(violations, reason);
    }
}
