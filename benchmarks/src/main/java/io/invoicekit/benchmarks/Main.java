package io.invoicekit.benchmarks;

/**
 * {@code java -jar benchmarks.jar [--scale smoke|small|large] [--db ... --user ... [--password-file ...]]}:
 * generates the data set, runs every benchmark and writes the report. See {@link ReportRun}.
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
        new ReportRun(options).run();
    }
}
