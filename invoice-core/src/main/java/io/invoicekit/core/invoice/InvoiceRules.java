package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/** The rules a draft and a stored invoice share, in one place so that the two cannot drift apart. */
final class InvoiceRules {

    private static final int DESCRIPTION_MAX = 1000;
    private static final int PURCHASE_ORDER_MAX = 100;
    private static final int REASON_MAX = 1000;

    private InvoiceRules() {
    }

    /**
     * A line needs a description (at most 1000 characters), a quantity and a unit price of 0 or more
     * (a discount is a line of its own kind, not a negative price).
     *
     * @return the description, stripped
     */
    static String checkLine(Violations violations, String description, Quantity quantity, Money unitPrice) {
        var stripped = violations.requiredText("description", description, DESCRIPTION_MAX);
        violations.require("quantity", quantity);
        if (violations.require("unitPrice", unitPrice)) {
            violations.check(!unitPrice.isNegative(), "unitPrice", "notNegative",
                    "must be 0 or more, was " + unitPrice);
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
                        "must be in " + currency + ", was " + price);
            }
        }
    }

    /** A due date, when there is one, is not before the issue date. */
    static void checkDueDate(Violations violations, LocalDate issueDate, LocalDate dueDate) {
        if (issueDate != null && dueDate != null) {
            violations.check(!dueDate.isBefore(issueDate), "dueDate", "notBeforeIssueDate",
                    "must not be before the issueDate " + issueDate + ", was " + dueDate);
        }
    }

    /** @return the notes stripped, or null if there are none */
    static String notes(Violations violations, String notes) {
        return violations.optionalText(notes);
    }

    /** @return the client's purchase-order reference stripped, or null if there is none */
    static String purchaseOrder(Violations violations, String purchaseOrder) {
        return violations.optionalText("purchaseOrder", purchaseOrder, PURCHASE_ORDER_MAX);
    }

    /** @return why a credit note credits, stripped: required, at most 1000 characters */
    static String creditReason(Violations violations, String reason) {
        return violations.requiredText("reason", reason, REASON_MAX);
    }
}
