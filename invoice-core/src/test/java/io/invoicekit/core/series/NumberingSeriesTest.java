package io.invoicekit.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.tenant.SeriesId;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberingSeriesTest {

    private static final String RULE = "must have one {seq} or {seq:1..18} among {prefix}, {yyyy}, {yy}, {mm} and "
            + "text, at most 60 characters, with the year when it resets yearly and the year and month when monthly";
    private static final SeriesId ID = SeriesId.of(UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6"));

    @ParameterizedTest(name = "{0} restarting {1}")
    @CsvSource({
        "{prefix}{seq:6}, NEVER", "{prefix}{yyyy}-{seq:6}, YEARLY", "{prefix}{yy}{seq}, YEARLY",
        "{prefix}{yyyy}{mm}-{seq:4}, MONTHLY",
    })
    void a_series_that_restarts_has_its_period_in_its_numbers(String pattern, ResetPeriod reset) {
        var series = NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", "INV-", NumberPattern.of(pattern),
                reset, true);

        assertThat(series.reset()).isEqualTo(reset);
    }

    @ParameterizedTest(name = "{0} restarting {1}")
    @CsvSource({"{prefix}{seq:6}, YEARLY", "{prefix}{mm}-{seq}, YEARLY", "{prefix}{yyyy}-{seq}, MONTHLY"})
    void a_series_that_restarts_without_its_period_in_its_numbers_is_refused(String pattern, ResetPeriod reset) {
        assertThatThrownBy(() -> NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", "INV-",
                NumberPattern.of(pattern), reset, true))
                .hasMessageStartingWith("invalid numbering series: pattern " + RULE + ": it restarts "
                        + reset.name().toLowerCase(Locale.ROOT) + " without {yyyy} or {yy}");
    }

    @Test
    void every_broken_rule_of_a_series_is_reported_at_once() {
        assertThatThrownBy(() -> NumberingSeries.create(null, null, " ", "{".repeat(21), null, null, false))
                .hasMessage("invalid numbering series: id is required; kind is required; "
                        + "name must be 1 to 100 characters, not blank, was blank; prefix must be at most 20 characters, "
                        + "without braces or control characters, was \"" + "{".repeat(21) + "\"; pattern is required; "
                        + "reset is required");
    }

    @Test
    void a_prefix_holds_no_braces() {
        assertThatThrownBy(() -> NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", "IN{V",
                NumberPattern.DEFAULT, ResetPeriod.NEVER, true))
                .hasMessage("invalid numbering series: prefix must be at most 20 characters, without braces or "
                        + "control characters, was \"IN{V\"");
    }

    /** Control characters are Unicode's, as the database's rule lists them: U+0085 as well as a tab. */
    @ParameterizedTest
    @ValueSource(strings = {"IN\tV", "INV\u0085", "\u007f", "\u009f-"})
    void a_prefix_holds_no_control_characters(String prefix) {
        assertThatThrownBy(() -> NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", prefix,
                NumberPattern.DEFAULT, ResetPeriod.NEVER, true))
                .hasMessageStartingWith("invalid numbering series: prefix must be at most 20 characters, without "
                        + "braces or control characters");
    }

    @Test
    void a_new_format_writes_the_numbers_to_come() {
        var series = NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", "INV-", NumberPattern.DEFAULT,
                ResetPeriod.NEVER, true);

        var yearly = series.withFormat("R", NumberPattern.of("{prefix}{yyyy}/{seq:3}"), ResetPeriod.YEARLY);

        assertThat(series.numberFor(LocalDate.of(2026, 5, 1), 3)).isEqualTo("INV-000003");
        assertThat(yearly.numberFor(LocalDate.of(2026, 5, 1), 3)).isEqualTo("R2026/003");
        assertThat(yearly.id()).isEqualTo(series.id());
    }
}
