package io.invoicekit.core.tenant;

import io.invoicekit.core.validation.Violations;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads an id from text, in the canonical form only. {@code UUID.fromString} alone also takes forms
 * such as {@code 1-2-3-4-5}, which are typos rather than ids.
 */
final class UuidText {

    private static final Pattern CANONICAL = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private UuidText() {
    }

    static UUID parse(String field, String text) {
        var violations = new Violations();
        if (violations.require(field, text)) {
            violations.check(CANONICAL.matcher(text).matches(), field, "format",
                    () -> "must be a UUID like 0192e4a0-7c3b-7d2e-9f41-3b5c8d7e1a20, was \"" + text + "\"");
        }
        violations.throwIfAny("invalid " + field);
        return UUID.fromString(text);
    }
}
