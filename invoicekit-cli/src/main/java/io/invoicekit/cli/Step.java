package io.invoicekit.cli;

/**
 * One part of {@code invoicekit check}, which is also a command of its own ({@code invoicekit
 * <name>}, made by {@link StepCommand}). {@link Steps#all()} lists them in the order check runs
 * them; a new part is one class implementing this, added there.
 */
interface Step {

    /** The command's name: {@code audit}, {@code health}, ... */
    String name();

    /** The command's --help description: what it looks at, and as which role it runs. */
    String[] description();

    /**
     * An object with picocli {@code @Option} fields of this step's own (the isolation probe's
     * application login, for instance), added as a mixin to its command and to {@code check}; or null.
     */
    default Object options() {
        return null;
    }

    /**
     * Runs on the target; a {@link CannotRun} says it could not (exit 2 for the command, ERROR for
     * this part of check).
     */
    StepResult run(Target target, Console console);
}
