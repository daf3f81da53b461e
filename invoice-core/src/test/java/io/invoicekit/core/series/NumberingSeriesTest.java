package io.invoicekit.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.tenant.SeriesId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberingSeriesTest {

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
                .hasMessageStartingWith("invalid numbering series: pattern must hold {yyyy} or {yy}");
    }

    @Test
    void every_broken_rule_of_a_series_is_reported_at_once() {
        assertThatThrownBy(() -> NumberingSeries.create(null, null, " ", "{".repeat(21), null, null, false))
                .hasMessage("invalid numbering series: id is required; kind is required; name is required; "
                        + "prefix must be at most 20 characters, was 21; pattern is required; reset is required");
    }

    @Test
    void a_prefix_holds_no_braces() {
        assertThatThrownBy(() -> NumberingSeries.create(ID, DocumentKind.INVOICE, "Invoices", "IN{V",
                NumberPattern.DEFAULT, ResetPeriod.NEVER, true))
                .hasMessage("invalid numbering series: prefix must hold no braces or control characters, was \"IN{V\"");
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
