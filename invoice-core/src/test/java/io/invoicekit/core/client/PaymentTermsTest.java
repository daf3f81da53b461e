package io.invoicekit.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentTermsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 30, 365})
    void terms_from_0_to_365_days_are_accepted(int days) {
        assertThat(PaymentTerms.ofDays(days).days()).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 366, 400})
    void terms_outside_0_to_365_days_are_refused_naming_the_setting_the_value_and_the_limit(int days) {
        assertThatThrownBy(() -> PaymentTerms.ofDays(days))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid payment terms: paymentTermsDays must be between 0 and 365, was " + days);
    }

    @Test
    void a_client_has_30_days_unless_agreed_otherwise() {
        assertThat(PaymentTerms.DEFAULT).isEqualTo(PaymentTerms.ofDays(30));
    }

    @Test
    void an_invoice_falls_due_the_terms_after_its_issue_date() {
        assertThat(PaymentTerms.ofDays(30).dueDateFor(LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(PaymentTerms.ofDays(0).dueDateFor(LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 1, 31));
    }
}
