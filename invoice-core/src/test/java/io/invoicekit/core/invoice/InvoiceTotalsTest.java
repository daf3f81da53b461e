package io.invoicekit.core.invoice;

import static io.invoicekit.core.invoice.InvoiceExamples.CLIENT;
import static io.invoicekit.core.invoice.InvoiceExamples.EUR;
import static io.invoicekit.core.invoice.InvoiceExamples.ISSUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.money.CurrencyMismatchException;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.failure.ValidationException;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    private static InvoiceTotals totals(Currency currency, String taxRate, String... quantityAtPrice) {
        var lines = Stream.of(quantityAtPrice).map(line -> line.split(" @ "))
                .map(qp -> new LineDraft("Work", Quantity.of(qp[0]), Money.of(qp[1], currency), null))
                .toList();
        return new InvoiceDraft(CLIENT, currency, ISSUED, null, TaxRate.of(taxRate), lines, null, null).totals();
    }

    private static InvoiceTotals expected(Currency currency, String subtotal, String tax, String total) {
        return new InvoiceTotals(Money.of(subtotal, currency), Money.of(tax, currency), Money.of(total, currency));
    }

    @Test
    void yen_have_no_minor_unit_so_half_a_yen_rounds_up_to_a_whole_one() {
        var jpy = Currency.getInstance("JPY");

        assertThat(Money.of("333", jpy).times(Quantity.of("1.5"))).isEqualTo(Money.of("500", jpy));
        assertThat(totals(jpy, "10", "1.5 @ 333")).isEqualTo(expected(jpy, "500", "50", "550"));
        assertThat(totals(jpy, "8", "1 @ 1234")).isEqualTo(expected(jpy, "1234", "99", "1333"));
        assertThat(totals(jpy, "10", "0.5 @ 1", "0.5 @ 1", "0.5 @ 1")).isEqualTo(expected(jpy, "3", "0", "3"));
    }

    @Test
    void bahraini_dinars_have_three_decimals_and_round_at_the_third() {
        var bhd = Currency.getInstance("BHD");

        assertThat(Money.of("0.125", bhd).times(Quantity.of("0.5"))).isEqualTo(Money.of("0.063", bhd));
        assertThat(totals(bhd, "10", "0.5 @ 0.125")).isEqualTo(expected(bhd, "0.063", "0.006", "0.069"));
        assertThat(totals(bhd, "5", "3 @ 12.345", "0.25 @ 0.010"))
                .isEqualTo(expected(bhd, "37.038", "1.852", "38.890"));
    }

    @Test
    void tax_is_rounded_once_on_the_subtotal_not_per_line() {
        // Per line, 25% of 0.10 is 0.025, rounded to 0.03, three times 0.09; on the subtotal it is 0.08.
        assertThat(totals(EUR, "25", "1 @ 0.10", "1 @ 0.10", "1 @ 0.10"))
                .isEqualTo(expected(EUR, "0.30", "0.08", "0.38"));
    }

    @Test
    void totals_whose_total_is_not_subtotal_plus_tax_are_refused() {
        assertThatThrownBy(() -> expected(EUR, "100.00", "20.00", "121.00"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice totals: total must be subtotal plus tax, EUR 120.00, was EUR 121.00");
        assertThatThrownBy(() -> new InvoiceTotals(null, null, null))
                .hasMessage("invalid invoice totals: subtotal is required; tax is required; total is required");
    }

    @Test
    void totals_in_two_currencies_are_refused() {
        var usd = Currency.getInstance("USD");

        assertThatThrownBy(() -> new InvoiceTotals(Money.of("1", EUR), Money.of("1", usd), Money.of("2", EUR)))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void no_line_makes_zero_totals() {
        assertThat(InvoiceTotals.of(EUR, List.of(), TaxRate.of("20"))).isEqualTo(expected(EUR, "0", "0", "0"));
    }
}
