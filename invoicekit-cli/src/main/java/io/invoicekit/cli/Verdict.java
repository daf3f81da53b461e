package io.invoicekit.cli;

/** How a command or one part of {@code check} came out, from fine to could-not-run. */
enum Verdict {
    /** Nothing to act on. */
    PASS(0),
    /** Worth a look (a health threshold crossed, a migration pending), not a failure. */
    WARN(0),
    /** A finding: a failed check, an audit finding, an isolation attack not blocked. */
    FAIL(1),
    /** It could not run (cannot connect, a role missing, ...); in {@code check}, the other parts still run. */
    ERROR(2);

    private final int exitStatus;

    Verdict(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    int exitStatus() {
        return exitStatus;
    }

    /** The worse of the two. */
    Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
