package io.invoicekit.core.invoice;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.validation.Violations;
import java.util.Currency;
import java.util.List;

/**
 * An invoice's subtotal, tax and total, computed exactly as the database's CHECK constraints compute
 * them, so that what Java shows is what the database accepts:
 *
 * <pre>
 *   line amount = round(quantity * unit_price, minor_units)       half up
 *   subtotal    = sum of the line amounts                          exact
 *   tax         = round(subtotal * tax_rate / 100, minor_units)    half up
 *   total       = subtotal + tax                                   exact
 * </pre>
 *
 * Tax is computed once on the subtotal, not per line and summed: the two differ by a cent now and
 * then, and the database checks the former.
 */
public record InvoiceTotals(Money subtotal, Money tax, Money total) {

    public InvoiceTotals {
        var violations = new Violations();
        violations.require("subtotal", subtotal);
        violations.require("tax", tax);
        violations.require("total", total);
        if (violations.isEmpty()) {
            var sum = subtotal.plus(tax);
            violations.check(total.equals(sum), "total", "subtotalPlusTax",
                    () -> "must equal subtotal + tax: " + sum + ", was " + total);
        }
        violations.throwIfAny("invalid invoice totals");
    }

    static InvoiceTotals of(Currency currency, List<Money> lineAmounts, TaxRate taxRate) {
        var subtotal = lineAmounts.stream().reduce(Money.zero(currency), Money::plus);
        var tax = subtotal.percent(taxRate);
        return new InvoiceTotals(subtotal, tax, subtotal.plus(tax));
    }
}
