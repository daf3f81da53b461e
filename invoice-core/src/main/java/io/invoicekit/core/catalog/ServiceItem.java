package io.invoicekit.core.catalog;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;

/**
 * A service a tenant sells at a unit price, with the tax rate it usually carries. The name (1 to 200
 * characters, not blank) is required; the description is null when there is none. The unit price
 * is 0 or more, in a currency of at most two minor units, below 10^10.
 *
 * <p>An inactive item is kept for the invoices that already bill it but cannot be put on a new
 * invoice. {@code version} is the optimistic-locking version as read from the database, 0 for an
 * item not stored yet; the repository increments it, the domain never does.
 */
public record ServiceItem(
        ServiceItemId id,
        String name,
        String description,
        Money unitPrice,
        TaxRate defaultTaxRate,
        boolean active,
        long version) {

    private static final TextRule NAME = TextRule.required("name", 200);
    private static final TextRule DESCRIPTION = TextRule.optional("description");

    public ServiceItem {
        var violations = new Violations();
        violations.require("id", id);
        name = NAME.check(violations, name);
        description = DESCRIPTION.check(violations, description);
        if (violations.require("unitPrice", unitPrice)) {
            violations.check(!unitPrice.isNegative(), "unitPrice", "notNegative",
                    () -> "must be at least 0, in the currency's minor units, was " + unitPrice);
            unitPrice.checkStorable(violations, "unitPrice");
            Money.checkStorableCurrency(violations, unitPrice.currency());
        }
        violations.require("defaultTaxRate", defaultTaxRate);
        violations.checkVersion(version);
        violations.throwIfAny("invalid service item");
    }

    /** An active item not stored yet, at version 0. The description may be null. */
    public static ServiceItem create(
            ServiceItemId id, String name, String description, Money unitPrice, TaxRate defaultTaxRate) {
        return new ServiceItem(id, name, description, unitPrice, defaultTaxRate, true, 0);
    }
}
