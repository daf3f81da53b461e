package io.invoicekit.core.validation;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the broken rules of one input so that a constructor reports them all at once: check
 * every component, then {@link #throwIfAny(String)}. Not thread-safe; use one per check.
 *
 * <p>A field is reported once, with the first rule it breaks: later ones are usually echoes of the
 * first (a quantity that failed to parse is then also missing), and the same holds for a part of a
 * field ({@code lines[2]} is not reported as missing once {@code lines[2].quantity} was refused).
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Records that {@code field} breaks {@code rule}, unless the field was already reported. */
    public void add(String field, String rule, String message) {
        if (!alreadyReported(field)) {
            found.add(new Violation(field, rule, message));
        }
    }

    /** Records the violation unless {@code holds}. */
    public void check(boolean holds, String field, String rule, String message) {
        if (!holds) {
            add(field, rule, message);
        }
    }

    /** Records {@code field is required} if the value is null; returns whether it is present. */
    public boolean require(String field, Object value) {
        check(value != null, field, "required", "is required");
        return value != null;
    }

    /** Records a negative optimistic-locking version. */
    public void checkVersion(long version) {
        check(version >= 0, "version", "notNegative", "must be 0 or more, was " + version);
    }

    /** Records a value with more decimals than allowed; trailing zeros do not count (1.50 has one). */
    public void checkDecimals(String field, BigDecimal value, int maxDecimals) {
        check(value.stripTrailingZeros().scale() <= maxDecimals, field, "decimals",
                "must have at most " + maxDecimals + " decimals, was " + value.toPlainString());
    }

    /**
     * Checks a text a person must give: stripped of surrounding white space, not empty, at most
     * {@code maxLength} characters.
     *
     * @return the stripped text, or null if it is missing
     */
    public String requiredText(String field, String text, int maxLength) {
        var stripped = optionalText(field, text, maxLength);
        require(field, stripped);
        return stripped;
    }

    /**
     * Checks a text a person may leave out: stripped, at most {@code maxLength} characters, blank
     * taken as absent.
     *
     * @return the stripped text, or null if it is absent
     */
    public String optionalText(String field, String text, int maxLength) {
        var stripped = optionalText(text);
        if (stripped != null) {
            // Counted in code points, as PostgreSQL's length() counts, so an emoji is one character.
            int length = stripped.codePointCount(0, stripped.length());
            check(length <= maxLength, field, "maxLength",
                    "must be at most " + maxLength + " characters, was " + length);
        }
        return stripped;
    }

    /**
     * A free text a person may leave out, of any length: stripped, blank taken as absent. Nothing
     * to report, hence no field.
     *
     * @return the stripped text, or null if it is absent
     */
    public String optionalText(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Makes the value of {@code field}; if it is refused, reports its reasons under {@code field}
     * (a {@code TaxRate} refused while reading an invoice draft's {@code taxRate}).
     *
     * @return the value, or null if it was refused
     */
    public <T> T value(String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException refused) {
            refused.violations().forEach(v -> add(field, v.rule(), v.message()));
            return null;
        }
    }

    /**
     * Makes a part of the input found at {@code path}; if it is refused, reports its reasons with
     * their fields under the path ({@code lines[2]} and {@code description} give {@code
     * lines[2].description}). An empty path keeps the fields as they are.
     *
     * @return the part, or null if it was refused
     */
    public <T> T nested(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException refused) {
            refused.violations().forEach(v ->
                    add(path.isEmpty() ? v.field() : path + "." + v.field(), v.rule(), v.message()));
            return null;
        }
    }

    /** Whether no rule was broken so far. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Throws a {@link ValidationException} listing every violation, if there is any.
     *
     * @param subject what is being checked, the start of the message: {@code invalid client}
     */
    public void throwIfAny(String subject) {
        if (!found.isEmpty()) {
            throw new ValidationException(subject, found);
        }
    }

    private boolean alreadyReported(String field) {
        return found.stream().map(Violation::field).anyMatch(reported ->
                reported.equals(field)
                        || reported.startsWith(field + ".")
                        || reported.startsWith(field + "["));
    }
}
