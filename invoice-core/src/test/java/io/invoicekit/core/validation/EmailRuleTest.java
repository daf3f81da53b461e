package io.invoicekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.failure.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRuleTest {

    private static final EmailRule EMAIL = new EmailRule("email");
    private static final String WORDS =
            "must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters";

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.com", "a@b.c", "first.last+tag@sub.example.co.uk", "a@b.c.", "\u00e9@\u00e9.fr"})
    void an_address_with_one_at_and_a_dot_after_it_is_taken(String address) {
        var violations = new Violations();

        assertThat(EMAIL.check(violations, address)).isEqualTo(address);

        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void white_space_around_an_address_is_stripped() {
        var violations = new Violations();

        assertThat(EMAIL.check(violations, " \tana@example.com\u2003\n")).isEqualTo("ana@example.com");

        assertThat(violations.isEmpty()).isTrue();
    }

    /**
     * White space inside, ASCII or not: Java's \s alone missed U+2003, which the database refused
     * with the words of another rule.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ana @example.com", "ana@exa\tmple.com", "ana\u2003x@example.com", "ana@example.com\u2028x",
            "ana@ex\u3000ample.com", "ana@example.\u001Fcom", "ana\u1680@example.com"})
    void an_address_with_white_space_inside_is_refused_in_the_words_of_the_email_constraints(String address) {
        var violations = new Violations();

        EMAIL.check(violations, address);

        assertThat(violations.found()).containsExactly(
                new Violation("email", "format", WORDS + ", was \"" + address + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@example", "@example.com", "ana@.com", "ana@@example.com", "ana@b@example.com",
            "ana@example.", "ana.example.com"})
    void an_address_without_one_at_and_a_dot_after_it_is_refused(String address) {
        var violations = new Violations();

        EMAIL.check(violations, address);

        assertThat(violations.found()).extracting(Violation::rule).containsExactly("format");
    }

    @Test
    void an_address_has_at_most_254_characters() {
        var violations = new Violations();
        String longest = "a".repeat(242) + "@example.com";
        EMAIL.check(violations, longest);
        assertThat(violations.isEmpty()).isTrue();

        EMAIL.check(violations, "a" + longest);

        assertThat(violations.found()).extracting(Violation::rule).containsExactly("format");
    }

    @Test
    void an_address_with_a_nul_or_half_a_character_is_refused_as_any_text() {
        var nul = new Violations();
        EMAIL.check(nul, "ana@example.com\u0000");
        var surrogate = new Violations();
        EMAIL.check(surrogate, "ana\uD83D@example.com");

        assertThat(nul.found()).extracting(Violation::rule).containsExactly("noNul");
        assertThat(surrogate.found()).extracting(Violation::rule).containsExactly("wholeCharacters");
    }

    @Test
    void a_missing_address_is_required() {
        var violations = new Violations();

        assertThat(EMAIL.check(violations, null)).isNull();

        assertThat(violations.found()).containsExactly(new Violation("email", "required", "is required"));
    }
}
