package io.invoicekit.cli;

/**
 * The command could not run (exit status 2): bad usage, a missing password, a database that cannot
 * be reached, a migration that failed. Its message is the one line the operator sees on stderr.
 */
final class CannotRun extends RuntimeException {

    CannotRun(String message) {
        super(message);
    }

    CannotRun(String message, Throwable cause) {
        super(message, cause);
    }

    /** A library's message, often several lines (Flyway's), as one line. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return String.join(" | ", message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}
