package io.invoicekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.failure.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRuleTest {

    private static final TextRule NAME = TextRule.required("name", 200);
    private static final TextRule PURCHASE_ORDER = TextRule.optional("purchaseOrder", 3);
    private static final TextRule NOTES = TextRule.optional("notes");

    @Test
    void a_required_text_is_stripped_and_a_blank_one_breaks_its_rule_in_the_words_of_its_constraint() {
        var violations = new Violations();

        assertThat(NAME.check(violations, "  Ada Lovelace \n")).isEqualTo("Ada Lovelace");
        assertThat(violations.isEmpty()).isTrue();
        assertThat(NAME.check(violations, " \u3000\t")).isNull();

        assertThat(violations.found()).containsExactly(
                new Violation("name", "length", "must be 1 to 200 characters, not blank, was blank"));
    }

    @Test
    void a_required_text_that_is_missing_is_required() {
        var violations = new Violations();

        assertThat(NAME.check(violations, null)).isNull();

        assertThat(violations.found()).containsExactly(new Violation("name", "required", "is required"));
    }

    @Test
    void an_optional_text_left_blank_or_out_is_absent_and_a_free_text_has_no_limit() {
        var violations = new Violations();

        assertThat(PURCHASE_ORDER.check(violations, " \t ")).isNull();
        assertThat(PURCHASE_ORDER.check(violations, null)).isNull();
        assertThat(PURCHASE_ORDER.check(violations, " PO1 ")).isEqualTo("PO1");
        assertThat(NOTES.check(violations, " a free text of any length " + "x".repeat(100_000)))
                .startsWith("a free text of any length");
        assertThat(violations.isEmpty()).isTrue();
        assertThat(NOTES.words()).isEmpty();
    }

    @Test
    void length_counts_characters_as_postgresql_counts_them_in_code_points() {
        var violations = new Violations();
        var threeEmoji = "\uD83D\uDCB6\uD83D\uDCB6\uD83D\uDCB6";

        PURCHASE_ORDER.check(violations, threeEmoji);
        assertThat(violations.isEmpty()).isTrue();
        PURCHASE_ORDER.check(violations, threeEmoji + "!");

        assertThat(violations.found()).containsExactly(
                new Violation("purchaseOrder", "maxLength", "must be at most 3 characters, was 4"));
    }

    @Test
    void a_name_has_1_to_200_characters() {
        var violations = new Violations();
        NAME.check(violations, "x".repeat(200));
        assertThat(violations.isEmpty()).isTrue();

        NAME.check(violations, "x".repeat(201));

        assertThat(violations.found()).containsExactly(
                new Violation("name", "length", "must be 1 to 200 characters, not blank, was 201"));
    }

    /** PostgreSQL refuses a NUL in any text (22021): refused in Java first, in every kind of text. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "Acme\u0000", "\u0000 Ltd", "Ac\u0000me"})
    void a_text_with_a_nul_character_is_refused_wherever_it_is(String text) {
        for (var rule : List.of(NAME, PURCHASE_ORDER, NOTES)) {
            var violations = new Violations();

            rule.check(violations, text);

            assertThat(violations.found()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo(rule.field());
                assertThat(violation.rule()).isEqualTo("noNul");
                assertThat(violation.message()).startsWith("must hold no NUL character (U+0000), found one at character");
            });
        }
    }

    @Test
    void the_nul_is_located_in_characters_as_a_person_counts_them() {
        var violations = new Violations();

        NOTES.check(violations, "\uD83D\uDCB6a\u0000");

        assertThat(violations.found()).extracting(Violation::message)
                .containsExactly("must hold no NUL character (U+0000), found one at character 3");
    }

    /** The driver would store half a character as "?" and the database return the "?": refused in Java. */
    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "Acme \uD83D", "\uDCB6 Ltd", "Ac\uDCB6\uD83Dme", "\uD83D\uD83D\uDCB6"})
    void a_text_with_half_of_a_surrogate_pair_is_refused(String text) {
        for (var rule : List.of(NAME, PURCHASE_ORDER, NOTES)) {
            var violations = new Violations();

            rule.check(violations, text);

            assertThat(violations.found()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo(rule.field());
                assertThat(violation.rule()).isEqualTo("wholeCharacters");
            });
        }
    }

    @Test
    void whole_characters_beyond_the_basic_plane_are_taken() {
        var violations = new Violations();

        assertThat(NAME.check(violations, "Caf\u00e9 \uD83D\uDCB6 \uD840\uDC00")).isEqualTo("Caf\u00e9 \uD83D\uDCB6 \uD840\uDC00");

        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void the_words_are_those_of_the_constraints_comments() {
        assertThat(NAME.words()).isEqualTo("must be 1 to 200 characters, not blank");
        assertThat(PURCHASE_ORDER.words()).isEqualTo("must be at most 3 characters");
    }
}
