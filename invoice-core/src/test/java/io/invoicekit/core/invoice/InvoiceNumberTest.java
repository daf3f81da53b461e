package io.invoicekit.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.validation.ValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceNumberTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "1,          INV-000001",
        "42,         INV-000042",
        "999999,     INV-999999",
        "1000000,    INV-1000000",
        "9223372036854775807, INV-9223372036854775807",
    })
    void a_number_is_padded_to_six_digits_and_grows_past_them(long sequence, String text) {
        assertThat(new InvoiceNumber(sequence)).hasToString(text);
        assertThat(InvoiceNumber.parse(text)).isEqualTo(new InvoiceNumber(sequence));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"INV-1", "INV-00001", "INV-0000001", "inv-000001", "INV000001", "INV-00000a",
        "INV--00001", " INV-000001", "FAC-000001", "INV-9223372036854775808", "INV-99999999999999999999"})
    void text_that_no_number_is_written_as_is_refused(String text) {
        assertThatThrownBy(() -> InvoiceNumber.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessage(text == null
                        ? "invalid invoice number: invoiceNumber is required"
                        : "invalid invoice number: invoiceNumber must look like INV-000001, was \"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_sequence_starts_at_1(long sequence) {
        assertThatThrownBy(() -> new InvoiceNumber(sequence))
                .hasMessage("invalid invoice number: "
                        + "invoiceNumber must have a sequence of at least 1, was " + sequence);
        assertThatThrownBy(() -> InvoiceNumber.parse("INV-000000"))
                .hasMessage("invalid invoice number: invoiceNumber must have a sequence of at least 1, was 0");
    }

    @Test
    void numbers_order_by_sequence_not_by_text() {
        var sorted = Stream.of("INV-1000000", "INV-000002", "INV-999999", "INV-000010")
                .map(InvoiceNumber::parse)
                .sorted()
                .map(InvoiceNumber::toString)
                .toList();

        assertThat(sorted).containsExactly("INV-000002", "INV-000010", "INV-999999", "INV-1000000");
    }
}
