package io.invoicekit.core.series;

import static java.util.Objects.requireNonNull;

import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a series writes its numbers: text with the placeholders {@code {prefix}}, {@code {yyyy}},
 * {@code {yy}}, {@code {mm}} (of the issue date) and exactly one {@code {seq}} or {@code {seq:N}},
 * the sequence in at least N digits (1 to 18), zero-padded and never truncated:
 * {@code {prefix}{yyyy}-{seq:6}} writes {@code INV-2026-000042}, and {@code INV-2026-1000000}
 * after {@code INV-2026-999999}. At most 60 characters, no other braces, no control characters
 * (Unicode's, category Cc).
 *
 * <p>The database renders with {@code invoice_number_render} and checks with {@code
 * invoice_number_pattern_valid}; a test compares both with this class.
 */
public record NumberPattern(String text) {

    private static final int MAX_LENGTH = 60;
    private static final Pattern SEQUENCE = Pattern.compile("\\{seq(?::(\\d+))?}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(prefix|yyyy|yy|mm|seq|seq:([1-9]|1[0-8]))}");
    // Control characters are Unicode's (Cc), as the database's rules list them.
    private static final Pattern LEFT_OVER = Pattern.compile("[{}\\p{Cc}]");
    private static final Pattern YEAR = Pattern.compile("\\{yyyy}|\\{yy}");
    /** The rule in the words of invoice_series_pattern_valid's comment; each refusal says which part failed. */
    private static final String RULE = "must have one {seq} or {seq:1..18} among {prefix}, {yyyy}, {yy}, {mm} and text, "
            + "at most 60 characters, with the year when it resets yearly and the year and month when monthly";

    // After the patterns it is checked with.
    /** INV- and six digits, the numbers of a tenant's first series. */
    public static final NumberPattern DEFAULT = new NumberPattern("{prefix}{seq:6}");

    public NumberPattern {
        var violations = new Violations();
        if (violations.require("pattern", text)) {
            violations.checkStorable("pattern", text);
            int length = text.codePointCount(0, text.length());
            violations.check(length <= MAX_LENGTH, "pattern", "maxLength", () -> refusal("it has " + length + " characters", text));
            long sequences = SEQUENCE.matcher(text).results().count();
            violations.check(sequences == 1, "pattern", "oneSequence", () -> refusal("it has " + sequences + " {seq}", text));
            violations.check(!LEFT_OVER.matcher(PLACEHOLDER.matcher(text).replaceAll("")).find(), "pattern",
                    "placeholders", () -> refusal("it has another placeholder, a brace or a control character", text));
        }
        violations.throwIfAny("invalid number pattern");
    }

    public static NumberPattern of(String text) {
        return new NumberPattern(text);
    }

    /** Records, under {@code pattern}, that a series restarting every {@code reset} lacks its period. */
    void check(Violations violations, ResetPeriod reset) {
        boolean hasYear = YEAR.matcher(text).find();
        switch (reset) {
            case NEVER -> { }
            case YEARLY -> violations.check(hasYear, "pattern", "periodInNumber",
                    () -> refusal("it restarts yearly without {yyyy} or {yy}", text));
            case MONTHLY -> violations.check(hasYear && text.contains("{mm}"), "pattern", "periodInNumber",
                    () -> refusal("it restarts monthly without {yyyy} or {yy} and {mm}", text));
        }
    }

    private static String refusal(String which, String text) {
        return RULE + ": " + which + ", was \"" + text + "\"";
    }

    /** The number of the {@code sequence}-th document of its period, issued on {@code issueDate}. */
    public String render(String prefix, LocalDate issueDate, long sequence) {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(issueDate, "issueDate is null");
        Matcher placeholder = SEQUENCE.matcher(text);
        placeholder.find();
        int width = placeholder.group(1) == null ? 1 : Integer.parseInt(placeholder.group(1));
        String digits = Long.toString(sequence);
        String padded = "0".repeat(Math.max(0, width - digits.length())) + digits;
        return placeholder.replaceFirst(Matcher.quoteReplacement(padded))
                .replace("{yyyy}", "%04d".formatted(issueDate.getYear()))
                .replace("{yy}", "%02d".formatted(issueDate.getYear() % 100))
                .replace("{mm}", "%02d".formatted(issueDate.getMonthValue()))
                .replace("{prefix}", prefix);
    }

    @Override
    public String toString() {
        return text;
    }
}
