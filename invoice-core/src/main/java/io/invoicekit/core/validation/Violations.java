package io.invoicekit.core.validation;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** The rule of every date column, in the words of its constraint's comment. */
    private static final String DATE_RANGE = "must be between 0001-01-01 and 9999-12-31";

    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final List<Violation> found = new ArrayList<>();

    /** Records that {@code field} breaks {@code rule}, unless the field was already reported. */
    public void add(String field, String rule, String message) {
        if (!alreadyReported(field)) {
            found.add(new Violation(field, rule, message));
        }
    }

    /**
     * Records the violation unless {@code holds}. The message is made only then: every value read
     * from the database passes these checks, and writing out the amounts of a message that is never
     * shown cost more than the checks themselves.
     */
    public void check(boolean holds, String field, String rule, Supplier<String> message) {
        if (!holds) {
            add(field, rule, message.get());
        }
    }

    /**
     * The value, or else a {@link ValidationException} {@code invalid <field>: <field> is required}:
     * for a value of one field, such as an id, which has no other rule to report with it.
     */
    public static <T> T required(String field, T value) {
        var violations = new Violations();
        violations.require(field, value);
        violations.throwIfAny("invalid " + field);
        return value;
    }

    /** Records {@code field is required} if the value is null; returns whether it is present. */
    public boolean require(String field, Object value) {
        check(value != null, field, "required", () -> "is required");
        return value != null;
    }

    /** Records a negative optimistic-locking version. */
    public void checkVersion(long version) {
        if (version < 0) {
            add("version", "notNegative", "must be 0 or more, was " + version);
        }
    }

    /** Records a value with more decimals than allowed; trailing zeros do not count (1.50 has one). */
    public void checkDecimals(String field, BigDecimal value, int maxDecimals) {
        // Every amount read from the database passes here: its scale alone answers without a copy.
        if (value.scale() > maxDecimals && value.stripTrailingZeros().scale() > maxDecimals) {
            add(field, "decimals", "must have at most " + maxDecimals + " decimals, was " + value.toPlainString());
        }
    }

    /**
     * Records a text the database cannot store as written: a NUL character, which PostgreSQL
     * refuses in any text (SQLSTATE 22021), or half of a UTF-16 surrogate pair, which the JDBC
     * driver would store as {@code ?} without a word. Every text that reaches the database is
     * checked so, by {@link TextRule} or by the type that holds it.
     */
    public void checkStorable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                add(field, "noNul", "must hold no NUL character (U+0000), found one at character " + position(text, i));
                return;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                add(field, "wholeCharacters", "must hold whole characters, found half of one (an unpaired "
                        + "UTF-16 surrogate) at character " + position(text, i));
                return;
            }
        }
    }

    /**
     * Records a date outside the years 1 to 9999, which every date column of the schema refuses
     * too. java.time counts year 0 (1 BC) and before, which the driver stores as BC dates that read
     * back as AD; {@link LocalDate#MAX} would be stored as {@code infinity}; and a year of five
     * digits no longer fits the four of an invoice number's {@code {yyyy}}.
     */
    public void checkDate(String field, LocalDate date) {
        check(!date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY), field, "dateRange",
                () -> DATE_RANGE + ", was " + date);
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

    /** The rules broken so far, in the order they were found. */
    public List<Violation> found() {
        return List.copyOf(found);
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

    /** The 1-based position of the character at {@code index}, counted as PostgreSQL counts: in code points. */
    private static int position(String text, int index) {
        return text.codePointCount(0, index) + 1;
    }

    private boolean alreadyReported(String field) {
        return found.stream().map(Violation::field).anyMatch(reported ->
                reported.equals(field)
                        || reported.startsWith(field + ".")
                        || reported.startsWith(field + "["));
    }
}
