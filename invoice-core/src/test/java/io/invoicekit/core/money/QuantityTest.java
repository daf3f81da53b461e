package io.invoicekit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1", "1.5", "999999999.999"})
    void a_quantity_above_0_with_at_most_3_decimals_below_one_billion_is_accepted(String value) {
        assertThat(Quantity.of(value).value()).isEqualByComparingTo(value);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
        "0             | invalid quantity: quantity must be greater than 0, was 0",
        "-1            | invalid quantity: quantity must be greater than 0, was -1",
        "1.2345        | invalid quantity: quantity must have at most 3 decimals, was 1.2345",
        "1000000000    | invalid quantity: quantity must be less than 1000000000, was 1000000000",
        "one           | invalid quantity: quantity must be a decimal number like 12.50, was \"one\"",
    })
    void a_quantity_the_database_column_cannot_hold_is_refused(String value, String message) {
        assertThatThrownBy(() -> Quantity.of(value))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
    }

    @Test
    void a_quantity_is_required() {
        assertThatThrownBy(() -> Quantity.of((BigDecimal) null)).hasMessage("invalid quantity: quantity is required");
    }

    @Test
    void a_quantity_is_kept_at_scale_3_as_the_database_returns_it() {
        assertThat(Quantity.of("2").value()).isEqualTo(new BigDecimal("2.000"));
        assertThat(Quantity.of(new BigDecimal("2.50"))).isEqualTo(Quantity.of("2.5"));
    }
}
