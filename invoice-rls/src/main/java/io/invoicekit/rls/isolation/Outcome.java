package io.invoicekit.rls.isolation;

/** What the database (or the Java API) did when a {@link Probe} ran: the observed column of the report. */
sealed interface Outcome {

    /** How many rows, lines or notices came back, and of what ("rows", "lines of tenant B among 3"). */
    record Count(long value, String unit) implements Outcome {
        @Override
        public String toString() {
            return value + " " + unit;
        }
    }

    /** Refused with an SQLSTATE, or before any SQL with an exception of the given simple class name. */
    record Refused(String code, String message) implements Outcome {
        @Override
        public String toString() {
            return "refused " + code + ": " + message;
        }
    }

    /** A value read back, such as a setting. */
    record Value(String text) implements Outcome {
        @Override
        public String toString() {
            return text;
        }
    }

    static Outcome rows(long count) {
        return new Count(count, count == 1 ? "row" : "rows");
    }
}
