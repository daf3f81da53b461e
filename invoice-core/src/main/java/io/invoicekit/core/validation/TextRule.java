package io.invoicekit.core.validation;

import static java.util.Objects.requireNonNull;

/**
 * The rule of one text field that reaches the database, in the words of the constraint that keeps
 * it there ({@code name must be 1 to 200 characters, not blank}), so that Java and the database
 * refuse the same texts with the same words (a test in invoice-persistence feeds both).
 *
 * <p>Every text is first {@linkplain Violations#checkStorable storable} (no NUL, no half of a
 * surrogate pair), then stripped of surrounding white space ({@link Character#isWhitespace}, which
 * the database's {@code without_white_space} removes too). A required text must then hold
 * something; an optional one that is blank counts as absent. Lengths are counted in code points,
 * as PostgreSQL's {@code length()} counts, so an emoji is one character.
 *
 * @param field     the field the violations name: {@code name}
 * @param required  whether the text must be given and not blank
 * @param maxLength the most characters it may have; {@link Integer#MAX_VALUE} for a free text whose
 *                  column has no limit
 */
public record TextRule(String field, boolean required, int maxLength) {

    public TextRule {
        requireNonNull(field, "field is null");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be 1 or more, was " + maxLength);
        }
    }

    /** A text a person must give, 1 to {@code maxLength} characters once stripped. */
    public static TextRule required(String field, int maxLength) {
        return new TextRule(field, true, maxLength);
    }

    /** A text a person may leave out, at most {@code maxLength} characters once stripped. */
    public static TextRule optional(String field, int maxLength) {
        return new TextRule(field, false, maxLength);
    }

    /** A free text a person may leave out, of any length (its column has no limit). */
    public static TextRule optional(String field) {
        return new TextRule(field, false, Integer.MAX_VALUE);
    }

    /**
     * The rule in words, as its constraint's comment has them after the field: {@code must be 1 to
     * 200 characters, not blank} or {@code must be at most 100 characters}; empty for a free text.
     */
    public String words() {
        if (required) {
            return "must be 1 to " + maxLength + " characters, not blank";
        }
        return maxLength == Integer.MAX_VALUE ? "" : "must be at most " + maxLength + " characters";
    }

    /**
     * Records what {@code text} breaks of this rule.
     *
     * @return the text stripped, or null if it is absent (or blank)
     */
    public String check(Violations violations, String text) {
        if (text == null) {
            if (required) {
                violations.require(field, null);
            }
            return null;
        }
        violations.checkStorable(field, text);
        String stripped = text.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (required) {
            violations.check(length >= 1 && length <= maxLength, field, "length",
                    () -> words() + ", was " + (length == 0 ? "blank" : length));
        } else {
            violations.check(length <= maxLength, field, "maxLength", () -> words() + ", was " + length);
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
