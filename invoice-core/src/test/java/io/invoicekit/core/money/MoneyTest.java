package io.invoicekit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    @ParameterizedTest(name = "{0} {1} is kept as {2}")
    @CsvSource({
        "EUR, 5,      5.00",
        "EUR, 1.5,    1.50",
        "EUR, 12.340, 12.34",
        "JPY, 500.00, 500",
        "JPY, 7,      7",
        "BHD, 1.5,    1.500",
        "BHD, 0.125,  0.125",
        "USD, -3.1,   -3.10",
    })
    void an_amount_is_kept_at_the_scale_of_its_currency(String currency, String amount, String kept) {
        var money = Money.of(amount, Currency.getInstance(currency));

        assertThat(money.amount()).isEqualTo(new BigDecimal(kept));
        assertThat(money.amount().scale()).isEqualTo(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource(delimiter = '|', value = {
        "EUR | 1.234  | invalid EUR amount: amount must have at most 2 decimals, was 1.234",
        "JPY | 1.5    | invalid JPY amount: amount must have at most 0 decimals, was 1.5",
        "BHD | 0.0001 | invalid BHD amount: amount must have at most 3 decimals, was 0.0001",
    })
    void an_amount_with_more_decimals_than_its_currency_has_is_refused_not_rounded(
            String currency, String amount, String message) {
        assertThatThrownBy(() -> Money.of(new BigDecimal(amount), Currency.getInstance(currency)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "1e3", "1,50", "1 000", "1.", ".5", "+1"})
    void text_that_is_not_a_plain_decimal_number_is_refused(String text) {
        assertThatThrownBy(() -> Money.of(text, EUR))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("invalid EUR amount: amount ");
    }

    @Test
    void white_space_around_a_typed_amount_is_ignored() {
        assertThat(Money.of(" 12.50\n", EUR)).isEqualTo(Money.of("12.50", EUR));
    }

    @Test
    void a_refused_text_is_quoted_in_the_message() {
        assertThatThrownBy(() -> Money.of("12,50", EUR))
                .hasMessage("invalid EUR amount: amount must be a decimal number like 12.50, was \"12,50\"");
    }

    @Test
    void amount_and_currency_are_both_required() {
        assertThatThrownBy(() -> new Money(null, null))
                .hasMessage("invalid money: amount is required; currency is required");
    }

    @Test
    void a_currency_without_minor_units_is_refused() {
        assertThatThrownBy(() -> Money.zero(Currency.getInstance("XXX")))
                .hasMessage("invalid XXX amount: currency must have minor units, was XXX");
    }

    @Test
    void equal_amounts_are_equal_whatever_scale_they_were_written_with() {
        assertThat(Money.of("10", EUR))
                .isEqualTo(Money.of("10.00", EUR))
                .isEqualTo(Money.of(new BigDecimal("1E+1"), EUR));
        assertThat(Money.of("10", EUR)).isNotEqualTo(Money.of("10", USD));
    }

    @Test
    void amounts_add_and_subtract_exactly() {
        assertThat(Money.of("10.05", EUR).plus(Money.of("0.95", EUR))).isEqualTo(Money.of("11.00", EUR));
        assertThat(Money.of("10.05", EUR).minus(Money.of("10.10", EUR))).isEqualTo(Money.of("-0.05", EUR));
        assertThat(Money.zero(EUR).plus(Money.zero(EUR))).isEqualTo(Money.zero(EUR));
    }

    @Test
    void adding_amounts_in_two_currencies_is_refused_naming_both() {
        assertThatThrownBy(() -> Money.of("10.00", EUR).plus(Money.of("5.00", USD)))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("cannot combine EUR 10.00 with USD 5.00: currency must be EUR, was USD")
                .satisfies(e -> {
                    var mismatch = (CurrencyMismatchException) e;
                    assertThat(mismatch.expected()).isEqualTo(EUR);
                    assertThat(mismatch.actual()).isEqualTo(USD);
                });
    }

    @Test
    void subtracting_or_comparing_amounts_in_two_currencies_is_refused() {
        var euros = Money.of("10.00", EUR);
        var dollars = Money.of("5.00", USD);

        assertThatThrownBy(() -> euros.minus(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> euros.isGreaterThan(dollars)).isInstanceOf(CurrencyMismatchException.class);
    }

    @ParameterizedTest(name = "{0} {1} x {2} = {3}")
    @CsvSource({
        "EUR, 0.05,  0.5,   0.03",
        "EUR, 10.00, 1.333, 13.33",
        "EUR, 19.99, 3,     59.97",
        "EUR, 0.01,  0.001, 0.00",
        "JPY, 333,   1.5,   500",
        "JPY, 1,     0.5,   1",
        "JPY, 1,     0.499, 0",
        "BHD, 0.125, 0.5,   0.063",
        "BHD, 1.005, 0.5,   0.503",
        "BHD, 2.000, 0.001, 0.002",
    })
    void a_price_times_a_quantity_rounds_half_up_to_the_currency_scale(
            String currency, String price, String quantity, String amount) {
        var unit = Currency.getInstance(currency);

        assertThat(Money.of(price, unit).times(Quantity.of(quantity))).isEqualTo(Money.of(amount, unit));
    }

    @ParameterizedTest(name = "{2}% of {0} {1} = {3}")
    @CsvSource({
        "EUR, 10.05, 20,    2.01",
        "EUR, 0.25,  19.6,  0.05",
        "EUR, 0.02,  25,    0.01",
        "EUR, 100,   0,     0.00",
        "EUR, 99.99, 100,   99.99",
        "JPY, 15,    10,    2",
        "JPY, 1234,  8,     99",
        "BHD, 0.005, 10,    0.001",
        "BHD, 0.063, 10,    0.006",
    })
    void a_percentage_of_an_amount_rounds_half_up_to_the_currency_scale(
            String currency, String amount, String percent, String share) {
        var unit = Currency.getInstance(currency);

        assertThat(Money.of(amount, unit).percent(TaxRate.of(percent))).isEqualTo(Money.of(share, unit));
    }

    @Test
    void half_a_minor_unit_of_a_negative_amount_rounds_away_from_zero_as_in_postgresql() {
        assertThat(Money.of("-0.05", EUR).times(Quantity.of("0.5"))).isEqualTo(Money.of("-0.03", EUR));
    }

    @Test
    void the_sign_of_an_amount_is_told() {
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.of("0.01", EUR).isPositive()).isTrue();
        assertThat(Money.of("-0.01", EUR).isNegative()).isTrue();
        assertThat(Money.of("0.02", EUR).isGreaterThan(Money.of("0.01", EUR))).isTrue();
        assertThat(Money.of("0.01", EUR).isGreaterThan(Money.of("0.01", EUR))).isFalse();
    }

    @Test
    void an_amount_reads_as_currency_and_plain_number() {
        assertThat(Money.of("1250.5", EUR)).hasToString("EUR 1250.50");
        assertThat(Money.of(new BigDecimal("1E+3"), Currency.getInstance("JPY"))).hasToString("JPY 1000");
    }
}
