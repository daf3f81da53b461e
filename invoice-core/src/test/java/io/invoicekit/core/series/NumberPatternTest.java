package io.invoicekit.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberPatternTest {

    @ParameterizedTest(name = "{0} with {1} on {2}, #{3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "{prefix}{seq:6}          | INV- | 2026-12-01 | 1        | INV-000001",
        "{prefix}{seq:6}          | INV- | 2026-12-01 | 999999   | INV-999999",
        "{prefix}{seq:6}          | INV- | 2026-12-01 | 1000000  | INV-1000000",
        "{prefix}{yyyy}-{seq:6}   | F    | 2027-01-01 | 42       | F2027-000042",
        "{yy}{mm}/{seq:4}{prefix} | -EU  | 2026-03-09 | 7        | 2603/0007-EU",
        "{seq}                    | ''   | 2026-03-09 | 12345    | 12345",
        "No. {seq:3} of {yyyy}    | ''   | 0999-03-09 | 5        | No. 005 of 0999",
    })
    void a_pattern_writes_the_sequence_padded_never_truncated(
            String pattern, String prefix, LocalDate issued, long sequence, String number) {
        assertThat(NumberPattern.of(pattern).render(prefix, issued, sequence)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{prefix}", "{seq}{seq}", "{seq:0}", "{seq:19}", "{seq:07}", "{prefix}{seq}{day}",
        "INV-{seq", "{{seq}}", "a\tb{seq}"})
    void a_pattern_has_one_sequence_and_only_known_placeholders(String pattern) {
        assertThatThrownBy(() -> NumberPattern.of(pattern)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("invalid number pattern: pattern must");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 61})
    void a_pattern_has_at_most_60_characters(int length) {
        String pattern = "x".repeat(length - 5) + "{seq}";
        if (length <= 60) {
            assertThat(NumberPattern.of(pattern).text()).hasSize(length);
        } else {
            assertThatThrownBy(() -> NumberPattern.of(pattern))
                    .hasMessage("invalid number pattern: pattern must have one {seq} or {seq:1..18} among {prefix}, {yyyy}, {yy}, {mm} and text, at most 60 characters, with the year when it resets yearly and the year and month when monthly: it has 61 characters, was \""
                            + pattern + "\"");
        }
    }
}
