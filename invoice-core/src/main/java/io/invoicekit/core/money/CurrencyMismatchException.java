package io.invoicekit.core.money;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.util.Currency;
import java.util.List;

/**
 * Amounts in two currencies were combined. There is no exchange rate in this domain, so the
 * operation is refused and names both currencies: {@code cannot combine EUR 10.00 with USD 5.00:
 * currency must be EUR, was USD}.
 */
public class CurrencyMismatchException extends ValidationException {

    private final Currency expected;
    private final Currency actual;

    /**
     * @param subject what was refused: {@code cannot combine EUR 10.00 with USD 5.00}
     * @param expected the currency the operation works in
     * @param actual the other currency
     */
    public CurrencyMismatchException(String subject, Currency expected, Currency actual) {
        super(subject, List.of(new Violation("currency", "sameCurrency",
                "must be " + expected + ", was " + actual)));
        this.expected = expected;
        this.actual = actual;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }
}
