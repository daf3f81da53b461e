package io.invoicekit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxRateTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "5.5", "19.6", "20", "99.99", "100"})
    void a_rate_from_0_to_100_with_at_most_2_decimals_is_accepted(String percent) {
        assertThat(TaxRate.of(percent).percent()).isEqualByComparingTo(percent);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
        "-0.01   | invalid tax rate: taxRate must be between 0 and 100, was -0.01",
        "100.01  | invalid tax rate: taxRate must be between 0 and 100, was 100.01",
        "120     | invalid tax rate: taxRate must be between 0 and 100, was 120",
        "19.655  | invalid tax rate: taxRate must have at most 2 decimals, was 19.655",
        "20%     | invalid tax rate: taxRate must be a decimal number like 12.50, was \"20%\"",
    })
    void a_rate_the_database_column_cannot_hold_is_refused(String percent, String message) {
        assertThatThrownBy(() -> TaxRate.of(percent))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
    }

    @Test
    void a_rate_is_required() {
        assertThatThrownBy(() -> TaxRate.of((BigDecimal) null)).hasMessage("invalid tax rate: taxRate is required");
    }

    @Test
    void a_rate_is_kept_at_scale_2_as_the_database_returns_it() {
        assertThat(TaxRate.of("20").percent()).isEqualTo(new BigDecimal("20.00"));
        assertThat(TaxRate.of(new BigDecimal("19.600"))).isEqualTo(TaxRate.of("19.6"));
    }
}
