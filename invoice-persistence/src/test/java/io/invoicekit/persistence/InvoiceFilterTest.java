package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceFilterTest {

    @Test
    void a_narrowing_to_nothing_is_refused_naming_what_is_missing() {
        assertThatThrownBy(() -> InvoiceFilter.all().withStatus(null))
                .isInstanceOf(ValidationException.class).hasMessage("invalid status: status is required");
        assertThatThrownBy(() -> InvoiceFilter.all().issuedBetween(LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(ValidationException.class).hasMessage("invalid issuedTo: issuedTo is required");
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> InvoiceFilter.all().issuedBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid invoice filter: issuedTo must not be before issuedFrom 2026-02-01, was 2026-01-31");
    }
}
