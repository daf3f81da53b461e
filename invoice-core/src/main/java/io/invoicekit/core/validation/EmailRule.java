package io.invoicekit.core.validation;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * An email address where the schema keeps one (a client's, a tenant's), with the rule of its
 * constraints {@code clients_email_format} and {@code users_email_format}: one {@code @}, a dot
 * after it, no white space and at most 254 characters (the longest an address can be). Deliberately
 * loose: only sending a mail proves more. Required, storable and stripped as a {@link TextRule}.
 *
 * <p>White space is what {@link Character#isWhitespace} says, inside the address as around it: the
 * database's {@code without_white_space} removes exactly those characters (a test compares every
 * code point), whatever the server's locale thinks {@code [:space:]} is.
 *
 * @param field the field the violations name: {@code email}
 */
public record EmailRule(String field) {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@]+@[^@]+\\.[^@]+");
    private static final String WORDS =
            "must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters";

    public EmailRule {
        requireNonNull(field, "field is null");
    }

    /** The rule in words, as its constraints' comments have them after the field. */
    public String words() {
        return WORDS;
    }

    /**
     * Records what {@code text} breaks of this rule.
     *
     * @return the address stripped, or null if it is absent
     */
    public String check(Violations violations, String text) {
        if (!violations.require(field, text)) {
            return null;
        }
        violations.checkStorable(field, text);
        String address = text.strip();
        violations.check(isAddress(address), field, "format", () -> WORDS + ", was \"" + address + "\"");
        return address;
    }

    // The constraints' expression, in the same order: length, white space, shape.
    private static boolean isAddress(String address) {
        return address.codePointCount(0, address.length()) <= MAX_LENGTH
                && address.codePoints().noneMatch(Character::isWhitespace)
                && SHAPE.matcher(address).matches();
    }
}
