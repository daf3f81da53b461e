package io.invoicekit.core.series;

import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.validation.TextRule;
import io.invoicekit.core.validation.Violations;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A series a tenant numbers its documents in (EU VAT Directive art. 226(2): "a sequential number,
 * based on one or more series"): a name (1 to 100 characters, not blank, unique per tenant), the kind of
 * document, a prefix (at most 20 characters, no braces or control characters, may be empty), the
 * {@link NumberPattern} and when the count restarts. A tenant has one default series per kind.
 *
 * <p>The counter is the database's: it gives the next sequence as a document is issued, never
 * skips, never repeats. Changing the prefix or pattern changes the numbers to come, never the ones
 * given. {@code version} is the optimistic-locking version as read, 0 for a series not stored yet.
 */
public record NumberingSeries(
        SeriesId id,
        DocumentKind kind,
        String name,
        String prefix,
        NumberPattern pattern,
        ResetPeriod reset,
        boolean isDefault,
        long version) {

    private static final TextRule NAME = TextRule.required("name", 100);
    private static final int PREFIX_MAX = 20;
    // Control characters are Unicode's (Cc), as the database's rules list them.
    private static final Pattern PREFIX_REFUSED = Pattern.compile("[{}\\p{Cc}]");

    public NumberingSeries {
        var violations = new Violations();
        violations.require("id", id);
        violations.require("kind", kind);
        name = NAME.check(violations, name);
        if (violations.require("prefix", prefix)) {
            // Kept as given, white space too: the prefix is the start of every number.
            violations.checkStorable("prefix", prefix);
            violations.check(prefix.codePointCount(0, prefix.length()) <= PREFIX_MAX
                            && !PREFIX_REFUSED.matcher(prefix).find(), "prefix", "valid",
                    () -> "must be at most " + PREFIX_MAX + " characters, without braces or control characters, was \""
                            + prefix + "\"");
        }
        violations.require("pattern", pattern);
        if (violations.require("reset", reset) && pattern != null) {
            pattern.check(violations, reset);
        }
        violations.checkVersion(version);
        violations.throwIfAny("invalid numbering series");
    }

    /** A series not stored yet, at version 0. */
    public static NumberingSeries create(SeriesId id, DocumentKind kind, String name, String prefix,
                                         NumberPattern pattern, ResetPeriod reset, boolean isDefault) {
        return new NumberingSeries(id, kind, name, prefix, pattern, reset, isDefault, 0);
    }

    /** This series writing its numbers from now on with {@code newPrefix} and {@code newPattern}. */
    public NumberingSeries withFormat(String newPrefix, NumberPattern newPattern, ResetPeriod newReset) {
        return new NumberingSeries(id, kind, name, newPrefix, newPattern, newReset, isDefault, version);
    }

    /** The number of the {@code sequence}-th document of its period, issued on {@code issueDate}. */
    public String numberFor(LocalDate issueDate, long sequence) {
        return pattern.render(prefix, issueDate, sequence);
    }
}
