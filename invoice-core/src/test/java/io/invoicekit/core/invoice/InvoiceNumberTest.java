package io.invoicekit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"INV-000001", "2026-A-0042", "F 1", "Rechnung Nr. 7", "№ 5"})
    void a_number_is_the_text_its_series_wrote(String text) {
        assertThat(InvoiceNumber.of(text)).hasToString(text).isEqualTo(new InvoiceNumber(text));
    }

    @Test
    void a_number_is_required() {
        assertThatThrownBy(() -> InvoiceNumber.of(null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice number: invoiceNumber is required");
    }

    @Test
    void a_number_has_1_to_100_characters() {
        assertThat(InvoiceNumber.of("N".repeat(100)).text()).hasSize(100);
        assertThatThrownBy(() -> InvoiceNumber.of(""))
                .hasMessage("invalid invoice number: invoiceNumber must be 1 to 100 characters, was 0");
        assertThatThrownBy(() -> InvoiceNumber.of("N".repeat(101)))
                .hasMessage("invalid invoice number: invoiceNumber must be 1 to 100 characters, was 101");
    }

    @Test
    void a_number_holds_no_control_characters() {
        assertThatThrownBy(() -> InvoiceNumber.of("INV-\n1"))
                .hasMessage("invalid invoice number: invoiceNumber must hold no control characters, was \"INV-\n1\"");
    }
}
