package io.invoicekit.core.invoice;

import io.invoicekit.core.catalog.ServiceItem;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.validation.Violations;

/**
 * A line of an {@link InvoiceDraft}: a description (1 to 1000 characters, not blank), a quantity,
 * a unit price of 0 or more, and the catalog item it bills, or null for a line typed in by hand.
 * Its amount, quantity times unit price, stays below 10^10, as the database stores amounts.
 */
public record LineDraft(String description, Quantity quantity, Money unitPrice, ServiceItemId serviceItemId) {

    public LineDraft {
        var violations = new Violations();
        description = InvoiceRules.checkLine(violations, description, quantity, unitPrice);
        violations.throwIfAny("invalid invoice line");
    }

    /** A line billing a catalog item at its name and unit price; refused for an inactive item. */
    public static LineDraft forItem(ServiceItem item, Quantity quantity) {
        Violations.required("item", item);
        var violations = new Violations();
        violations.check(item.active(), "serviceItemId", "activeItem",
                () -> "must be an active catalog item, " + item.name() + " is inactive");
        violations.throwIfAny("invalid invoice line");
        return new LineDraft(item.name(), quantity, item.unitPrice(), item.id());
    }

    /** Quantity times unit price, rounded half up to the currency's scale. */
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
