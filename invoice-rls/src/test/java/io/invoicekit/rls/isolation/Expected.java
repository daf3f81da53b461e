package io.invoicekit.rls.isolation;

import java.util.function.Predicate;

/**
 * What a sound database does when a {@link Probe} runs: the expected column of the report.
 *
 * @param description how the report shows it
 * @param accepts     true for every outcome that counts as the expected one
 */
public record Expected(String description, Predicate<Outcome> accepts) {

    /** A count of {@code value}, whatever its unit says. */
    public static Expected count(long value, String unit) {
        return new Expected(value + " " + unit,
                outcome -> outcome instanceof Outcome.Count count && count.value() == value);
    }

    /** Refused with this SQLSTATE, or with an exception of this simple class name. */
    public static Expected refused(String code) {
        return new Expected("refused " + code,
                outcome -> outcome instanceof Outcome.Refused refused && refused.code().equals(code));
    }

    public static Expected value(String text) {
        return new Expected(text, outcome -> outcome instanceof Outcome.Value value && value.text().equals(text));
    }

    /** Nothing deleted, or no DELETE privilege at all: the application role may delete from some tables only. */
    public static Expected nothingDeleted() {
        return count(0, "rows").or(refused("42501")).because("no DELETE privilege on some tables");
    }

    public Expected or(Expected other) {
        return new Expected(description + " or " + other.description, accepts.or(other.accepts));
    }

    /** The same expectation, shown with a reason. */
    public Expected because(String reason) {
        return new Expected(description + " (" + reason + ")", accepts);
    }
}
