package io.invoicekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void every_broken_rule_is_reported_in_one_message() {
        var violations = new Violations();
        violations.require("name", null);
        violations.check(false, "age", "range", () -> "must be between 0 and 150, was 200");

        assertThatThrownBy(() -> violations.throwIfAny("invalid person"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid person: name is required; age must be between 0 and 150, was 200")
                .extracting(e -> ((ValidationException) e).violations())
                .isEqualTo(List.of(
                        new Violation("name", "required", "is required"),
                        new Violation("age", "range", "must be between 0 and 150, was 200")));
    }

    @Test
    void nothing_is_thrown_when_no_rule_is_broken() {
        var violations = new Violations();
        violations.check(true, "age", "range", () -> {
            throw new AssertionError("the message of a rule that holds is never made");
        });

        assertThat(violations.isEmpty()).isTrue();
        assertThatNoException().isThrownBy(() -> violations.throwIfAny("invalid person"));
    }

    @Test
    void a_field_is_reported_once_with_the_first_rule_it_breaks() {
        var violations = new Violations();
        violations.add("quantity", "format", "must be a decimal number like 12.50, was \"x\"");
        violations.require("quantity", null);

        assertThatThrownBy(() -> violations.throwIfAny("invalid line"))
                .hasMessage("invalid line: quantity must be a decimal number like 12.50, was \"x\"");
    }

    @Test
    void a_whole_is_not_reported_missing_once_one_of_its_parts_was_refused() {
        var violations = new Violations();
        violations.add("lines[2].quantity", "positive", "must be greater than 0, was -1");
        violations.require("lines[2]", null);
        violations.require("lines", null);
        violations.require("lines[1]", null);

        assertThatThrownBy(() -> violations.throwIfAny("invalid draft"))
                .hasMessage("invalid draft: lines[2].quantity must be greater than 0, was -1; lines[1] is required");
    }

    @Test
    void a_refused_value_is_reported_under_the_field_it_fills() {
        var violations = new Violations();
        String made = violations.value("defaultTaxRate", () -> {
            throw new ValidationException("invalid tax rate",
                    List.of(new Violation("taxRate", "range", "must be between 0 and 100, was 120")));
        });

        assertThat(made).isNull();
        assertThatThrownBy(() -> violations.throwIfAny("invalid item"))
                .hasMessage("invalid item: defaultTaxRate must be between 0 and 100, was 120");
    }

    @Test
    void a_refused_part_is_reported_with_its_fields_under_its_path() {
        var violations = new Violations();
        violations.nested("lines[0]", () -> {
            throw new ValidationException("invalid line", List.of(
                    new Violation("description", "required", "is required"),
                    new Violation("unitPrice", "notNegative", "must be 0 or more, was EUR -1.00")));
        });
        violations.nested("", () -> {
            throw new ValidationException("invalid draft",
                    List.of(new Violation("clientId", "required", "is required")));
        });

        assertThatThrownBy(() -> violations.throwIfAny("invalid draft"))
                .hasMessage("invalid draft: lines[0].description is required; "
                        + "lines[0].unitPrice must be 0 or more, was EUR -1.00; clientId is required");
    }

    @Test
    void a_part_that_is_made_is_returned() {
        var violations = new Violations();

        assertThat(violations.nested("lines[0]", () -> "made")).isEqualTo("made");
        assertThat(violations.value("taxRate", () -> "made")).isEqualTo("made");
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void a_date_is_of_the_years_1_to_9999_as_every_date_column_takes_it() {
        var violations = new Violations();
        violations.checkDate("issueDate", LocalDate.of(1, 1, 1));
        violations.checkDate("dueDate", LocalDate.of(9999, 12, 31));
        assertThat(violations.isEmpty()).isTrue();

        violations.checkDate("issueDate", LocalDate.of(0, 12, 31));
        violations.checkDate("dueDate", LocalDate.of(10_000, 1, 1));
        violations.checkDate("paymentDate", LocalDate.MAX);
        violations.checkDate("refundDate", LocalDate.MIN);

        assertThatThrownBy(() -> violations.throwIfAny("invalid dates"))
                .hasMessage("invalid dates: issueDate must be between 0001-01-01 and 9999-12-31, was 0000-12-31; "
                        + "dueDate must be between 0001-01-01 and 9999-12-31, was +10000-01-01; "
                        + "paymentDate must be between 0001-01-01 and 9999-12-31, was +999999999-12-31; "
                        + "refundDate must be between 0001-01-01 and 9999-12-31, was -999999999-01-01");
    }

    @Test
    void a_value_of_one_field_is_required_with_a_validation_exception_not_a_null_pointer() {
        assertThat(Violations.required("tenantId", "given")).isEqualTo("given");
        assertThatThrownBy(() -> Violations.required("tenantId", null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid tenantId: tenantId is required");
    }

    @Test
    void decimals_beyond_the_limit_are_reported_but_trailing_zeros_are_not_counted() {
        var violations = new Violations();
        violations.checkDecimals("quantity", new BigDecimal("1.5000"), 3);
        assertThat(violations.isEmpty()).isTrue();

        violations.checkDecimals("quantity", new BigDecimal("1.2345"), 3);
        assertThatThrownBy(() -> violations.throwIfAny("invalid quantity"))
                .hasMessage("invalid quantity: quantity must have at most 3 decimals, was 1.2345");
    }

    @Test
    void a_negative_version_is_reported() {
        var violations = new Violations();
        violations.checkVersion(0);
        violations.checkVersion(-1);

        assertThatThrownBy(() -> violations.throwIfAny("invalid client"))
                .hasMessage("invalid client: version must be 0 or more, was -1");
    }

    @Test
    void a_validation_exception_without_violations_is_a_programming_error() {
        assertThatThrownBy(() -> new ValidationException("invalid client", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_illegal_transition_names_both_states() {
        enum Light { RED, GREEN }
        var refused = new IllegalStatusTransitionException("light 7", Light.RED, Light.GREEN);

        assertThat(refused).hasMessage("light 7: status cannot go from RED to GREEN");
        assertThat(refused.from()).isEqualTo(Light.RED);
        assertThat(refused.to()).isEqualTo(Light.GREEN);
        assertThat(refused.violations()).extracting(Violation::rule).containsExactly("transition");
    }
}
