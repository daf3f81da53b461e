package io.invoicekit.core.money;

import io.invoicekit.core.validation.Violations;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a decimal number as a person writes it, white space around it ignored. {@code new
 * BigDecimal(String)} alone would also take {@code 1E+3}, which no one types into an invoice and
 * which hides a typo.
 */
final class DecimalText {

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

    private DecimalText() {
    }

    static BigDecimal parse(String text, String field, String subject) {
        var violations = new Violations();
        if (violations.require(field, text)) {
            violations.check(PLAIN.matcher(text.strip()).matches(), field, "format",
                    () -> "must be a decimal number like 12.50, was \"" + text + "\"");
        }
        violations.throwIfAny(subject);
        return new BigDecimal(text.strip());
    }
}
