package io.invoicekit.core.money;

import io.invoicekit.core.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many units of a service a line bills: greater than 0, at most 3 decimals (1.5 hours, 0.125
 * kg) and below one billion, as the database column {@code numeric(12,3)} holds. Kept at scale 3,
 * as the database returns it, so a quantity read back equals the one written.
 */
public record Quantity(BigDecimal value) {

    private static final int DECIMALS = 3;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000");

    public Quantity {
        var violations = new Violations();
        if (violations.require("quantity", value)) {
            // Not check(): value is normalized below, so a message lambda could not capture it.
            if (value.signum() <= 0) {
                violations.add("quantity", "positive", "must be greater than 0, was " + value.toPlainString());
            } else if (value.compareTo(LIMIT) >= 0) {
                violations.add("quantity", "max", "must be less than " + LIMIT + ", was " + value.toPlainString());
            }
            violations.checkDecimals("quantity", value, DECIMALS);
        }
        violations.throwIfAny("invalid quantity");
        value = value.setScale(DECIMALS, RoundingMode.UNNECESSARY);
    }

    /** Reads a quantity a person typed, such as {@code 1.5}. */
    public static Quantity of(String value) {
        return new Quantity(DecimalText.parse(value, "quantity", "invalid quantity"));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }
}
