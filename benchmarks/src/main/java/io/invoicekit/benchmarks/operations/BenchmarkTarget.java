package io.invoicekit.benchmarks.operations;

import io.invoicekit.testing.ConnectionSettings;
import java.util.List;

/**
 * The database the benchmarks run against, handed from the report run to JMH's forked JVMs as
 * system properties (JMH parameters would print the passwords into the results).
 *
 * @param owner       a superuser: loads the data, and is the RLS-off baseline (it bypasses RLS)
 * @param application a login member of the application role, subject to row-level security
 */
public record BenchmarkTarget(ConnectionSettings owner, ConnectionSettings application) {

    private static final String PREFIX = "invoicekit.benchmarks.";

    /** The {@code -D} arguments that make {@link #fromSystemProperties()} return this target. */
    public List<String> jvmArguments() {
        return List.of(
                "-D" + PREFIX + "url=" + owner.jdbcUrl(),
                "-D" + PREFIX + "owner.user=" + owner.user(),
                "-D" + PREFIX + "owner.password=" + owner.password(),
                "-D" + PREFIX + "app.user=" + application.user(),
                "-D" + PREFIX + "app.password=" + application.password());
    }

    static BenchmarkTarget fromSystemProperties() {
        String url = System.getProperty(PREFIX + "url");
        if (url == null) {
            throw new IllegalStateException("system property " + PREFIX + "url is not set: run the benchmarks through "
                    + "benchmarks/run.sh (or java -jar benchmarks.jar), which loads the data and passes the database on");
        }
        return new BenchmarkTarget(
                new ConnectionSettings(url, System.getProperty(PREFIX + "owner.user"),
                        System.getProperty(PREFIX + "owner.password", "")),
                new ConnectionSettings(url, System.getProperty(PREFIX + "app.user"),
                        System.getProperty(PREFIX + "app.password", "")));
    }
}
