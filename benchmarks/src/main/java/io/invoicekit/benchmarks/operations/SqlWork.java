package io.invoicekit.benchmarks.operations;

import java.sql.Connection;
import java.sql.SQLException;

/** Hand-written JDBC run inside a tenant transaction by {@link TenantSql}. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection transaction) throws SQLException;
}
