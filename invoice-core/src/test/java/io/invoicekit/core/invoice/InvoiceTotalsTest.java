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

    /** Money computes in dinars; an invoice is not drafted in them, as numeric(12,2) would round them. */
    @Test
    void bahraini_dinars_round_at_the_third_decimal_and_are_no_currency_an_invoice_is_stored_in() {
        var bhd = Currency.getInstance("BHD");

        assertThat(Money.of("0.125", bhd).times(Quantity.of("0.5"))).isEqualTo(Money.of("0.063", bhd));
        assertThat(Money.of("37.038", bhd).percent(TaxRate.of("5"))).isEqualTo(Money.of("1.852", bhd));
        assertThatThrownBy(() -> totals(bhd, "10", "0.5 @ 0.125"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice draft: currency must be an ISO 4217 code with at most 2 minor units, was BHD");
    }

    @Test
    void totals_beyond_what_numeric_12_2_holds_are_refused_though_each_line_fits() {
        assertThat(totals(EUR, "0", "1 @ 9999999999.99").total()).isEqualTo(Money.of("9999999999.99", EUR));
        assertThatThrownBy(() -> totals(EUR, "0", "1 @ 9999999999.99", "1 @ 0.01"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice draft: subtotal must be less than 10000000000 in absolute value, "
                        + "was EUR 10000000000.00; total must be less than 10000000000 in absolute value, "
                        + "was EUR 10000000000.00");
        assertThatThrownBy(() -> totals(EUR, "0.01", "1 @ 9999999999.99"))
                .hasMessage("invalid invoice draft: total must be less than 10000000000 in absolute value, "
                        + "was EUR 10000999999.99");
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
                .hasMessage("invalid invoice totals: total must equal subtotal + tax: EUR 120.00, was EUR 121.00");
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
