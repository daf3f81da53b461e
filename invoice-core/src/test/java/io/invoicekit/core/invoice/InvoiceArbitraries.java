package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.CLIENT;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Invoice drafts of every shape the database accepts: 0 to 20 lines, quantities from 0.001 to
 * 999.999, unit prices from 0 to 99999 at the scale of EUR, USD or JPY (no minor unit), tax rates
 * from 0 to 100 with two decimals; so totals stay below the 10^10 that numeric(12,2) holds (drafts
 * beyond it are refused, see InvoiceTotalsTest). Money in three decimals is MoneyTest's.
 */
final class InvoiceArbitraries {

    private InvoiceArbitraries() {
    }

    static Arbitrary<InvoiceDraft> drafts() {
        return currencies().flatMap(currency -> Combinators
                .combine(taxRates(), lines(currency).list().ofMaxSize(20))
                .as((rate, lines) -> new InvoiceDraft(CLIENT, currency, ISSUED, null, rate, lines, null, null)));
    }

    /** Drafts that can be sent: at least one line and a total above 0. */
    static Arbitrary<InvoiceDraft> sendableDrafts() {
        return drafts().filter(draft -> !draft.lines().isEmpty() && draft.totals().total().isPositive());
    }

    private static Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY").map(Currency::getInstance);
    }

    private static Arbitrary<TaxRate> taxRates() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2).map(TaxRate::of);
    }

    private static Arbitrary<LineDraft> lines(Currency currency) {
        var quantities = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.001"), new BigDecimal("999.999")).ofScale(3).map(Quantity::of);
        var prices = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("99999")).ofScale(currency.getDefaultFractionDigits())
                .map(amount -> Money.of(amount, currency));
        return Combinators.combine(quantities, prices)
                .as((quantity, price) -> new LineDraft("Work", quantity, price, null));
    }
}
