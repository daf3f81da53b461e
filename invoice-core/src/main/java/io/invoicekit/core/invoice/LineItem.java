package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.tenant.LineItemId;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.validation.Violations;

/**
 * A stored line of an {@link Invoice}, with the rules of a {@link LineDraft}, and its amount: the
 * quantity times the unit price rounded half up to the currency's scale, as the database's CHECK
 * {@code amount = round(quantity * unit_price, minor_units)} has it. A row whose amount breaks that
 * rule is refused rather than shown. The service item id is null for a line typed in by hand.
 */
public record LineItem(
        LineItemId id,
        String description,
        Quantity quantity,
        Money unitPrice,
        Money amount,
        ServiceItemId serviceItemId) {

    public LineItem {
        var violations = new Violations();
        violations.require("id", id);
        description = InvoiceRules.checkLine(violations, description, quantity, unitPrice);
        if (violations.require("amount", amount) && quantity != null && unitPrice != null) {
            var expected = unitPrice.times(quantity);
            violations.check(amount.equals(expected), "amount", "quantityTimesUnitPrice",
                    () -> "must equal quantity x unitPrice, rounded half up to the currency: " + expected + ", was " + amount);
        }
        violations.throwIfAny("invalid invoice line");
    }

    static LineItem from(LineItemId id, LineDraft draft) {
        return new LineItem(
                id, draft.description(), draft.quantity(), draft.unitPrice(), draft.amount(), draft.serviceItemId());
    }
}
