package io.invoicekit.benchmarks;

/**
 * {@code java -jar benchmarks.jar [--scale smoke|small|large] [--db ... --user ... [--password-file ...]]}:
 * generates the data set, runs every benchmark and writes the report (see {@link ReportRun}), one
 * run on the machine at a time ({@link RunLock}). Exit status 2 and one line on stderr when it
 * cannot start: bad usage, a password on the command line, another run going on.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions options;
        try {
            options = RunOptions.parse(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (RunLock lock = RunLock.take(RunLock.JMH_LOCK)) {
            System.err.println("Holding " + RunLock.JMH_LOCK + " until the report is written (so JMH, told not to "
                    + "take it again, warns that it ignores it)");
            new ReportRun(options).run();
        } catch (RunLock.HeldElsewhere e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
