package io.invoicekit.benchmarks.operations;

import io.invoicekit.testing.ConnectionSettings;

/**
 * The database the benchmarks run against, handed from the report run to JMH's forked JVMs by a
 * {@link TargetHandOver} (never on their command lines, where {@code ps} shows the passwords to
 * every user of the machine, nor as JMH parameters, which print into the results).
 *
 * @param owner       a superuser: loads the data, and is the RLS-off baseline (it bypasses RLS)
 * @param application a login member of the application role, subject to row-level security
 */
public record BenchmarkTarget(ConnectionSettings owner, ConnectionSettings application) {
}
