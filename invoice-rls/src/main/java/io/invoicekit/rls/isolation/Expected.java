package io.invoicekit.rls.isolation;

import java.util.function.Predicate;

/**
 * What a sound database does when a {@link Probe} runs: the expected column of the report.
 *
 * @param description how the report shows it
 * @param accepts     true for every outcome that counts as the expected one
 */
record Expected(String description, Predicate<Outcome> accepts) {

    /** What a probe observes when it needs a row of a table that the probe could not seed. */
    static final String NOT_SEEDED = "not seeded";

    /** A count of {@code value}, whatever its unit says. */
    static Expected count(long value, String unit) {
        return new Expected(value + " " + unit,
                outcome -> outcome instanceof Outcome.Count count && count.value() == value);
    }

    /** Refused with this SQLSTATE, or with an exception of this simple class name. */
    static Expected refused(String code) {
        return new Expected("refused " + code,
                outcome -> outcome instanceof Outcome.Refused refused && refused.code().equals(code));
    }

    static Expected value(String text) {
        return new Expected(text, outcome -> outcome instanceof Outcome.Value value && value.text().equals(text));
    }

    /** Nothing deleted, or no DELETE privilege at all: the application role may delete from some tables only. */
    static Expected nothingDeleted() {
        return count(0, "rows").or(refused("42501")).because("no DELETE privilege on some tables");
    }

    /**
     * This, or the probe could not seed the row it needs (a CHECK it cannot know refused it): the
     * attack then tested nothing, which the report counts apart.
     */
    Expected orNotSeeded() {
        return new Expected(description, accepts.or(outcome -> outcome instanceof Outcome.Refused refused
                && refused.code().equals(NOT_SEEDED)));
    }

    Expected or(Expected other) {
        return new Expected(description + " or " + other.description, accepts.or(other.accepts));
    }

    /** The same expectation, shown with a reason. */
    Expected because(String reason) {
        return new Expected(description + " (" + reason + ")", accepts);
    }
}
