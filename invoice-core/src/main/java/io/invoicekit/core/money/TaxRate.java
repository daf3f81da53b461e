package io.invoicekit.core.money;

import io.invoicekit.core.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tax rate in percent, from 0 to 100 with at most 2 decimals (19.6 means 19.6%), as the database
 * column {@code numeric(5,2)} holds. Kept at scale 2, as the database returns it.
 */
public record TaxRate(BigDecimal percent) {

    private static final int DECIMALS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TaxRate {
        var violations = new Violations();
        if (violations.require("taxRate", percent)) {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                violations.add("taxRate", "range", "must be between 0 and 100, was " + percent.toPlainString());
            }
            violations.checkDecimals("taxRate", percent, DECIMALS);
        }
        violations.throwIfAny("invalid tax rate");
        percent = percent.setScale(DECIMALS, RoundingMode.UNNECESSARY);
    }

    /** Reads a rate a person typed, such as {@code 19.6}. */
    public static TaxRate of(String percent) {
        return new TaxRate(DecimalText.parse(percent, "taxRate", "invalid tax rate"));
    }

    public static TaxRate of(BigDecimal percent) {
        return new TaxRate(percent);
    }
}
