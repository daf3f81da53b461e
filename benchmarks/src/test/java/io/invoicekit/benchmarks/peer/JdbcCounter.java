package io.invoicekit.benchmarks.peer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Counts what goes through a data source at the JDBC level: the SQL statements sent and the round
 * trips they take with PostgreSQL's driver, which waits for the server once per execute, once per
 * executeBatch (it sends the whole batch, then one Sync), once per commit or rollback, and never
 * for setAutoCommit (the BEGIN goes with the next statement). A batch of n statements is n
 * statements in one round trip.
 */
final class JdbcCounter {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> ENDS = Set.of("commit", "rollback");

    /** What one piece of work sent: each statement's SQL, batches as {@code [batch of n] sql}. */
    record Count(int statements, int roundTrips, List<String> sql) {
    }

    private final List<String> sql = new ArrayList<>();
    /** The SQL of the call being made: prepareStatement's, or Statement.execute's, for the statement's counter. */
    private final ThreadLocal<String> lastSql = new ThreadLocal<>();
    private int statements;
    private int roundTrips;

    /** {@code dataSource}, with every connection it gives counted here. */
    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, (Connection) result, this::onConnection) : result);
    }

    record Counted<T>(T result, Count count) {
    }

    /** Runs {@code work} on this thread and returns its result with what it sent. */
    synchronized <T> Counted<T> count(Supplier<T> work) {
        sql.clear();
        statements = 0;
        roundTrips = 0;
        T result = work.get();
        return new Counted<>(result, new Count(statements, roundTrips, List.copyOf(sql)));
    }

    private Object onConnection(Method method, Object result) {
        String name = method.getName();
        if (ENDS.contains(name)) {
            record(1, 0, name);
        }
        return switch (name) {
            case "prepareStatement" -> proxy(PreparedStatement.class, (PreparedStatement) result,
                    new StatementCounter(lastSql.get())::on);
            case "prepareCall" -> proxy(CallableStatement.class, (CallableStatement) result,
                    new StatementCounter(lastSql.get())::on);
            case "createStatement" -> proxy(Statement.class, (Statement) result, new StatementCounter(null)::on);
            default -> result;
        };
    }

    private synchronized void record(int trips, int sent, String text) {
        roundTrips += trips;
        statements += sent;
        sql.add(text);
    }

    private final class StatementCounter {

        private final String prepared;
        private int batched;

        StatementCounter(String prepared) {
            this.prepared = prepared;
        }

        Object on(Method method, Object result) {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched++;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                record(1, batched, "[batch of " + batched + "] " + prepared);
                batched = 0;
            } else if (EXECUTES.contains(name)) {
                record(1, 1, prepared != null ? prepared : lastSql.get());
            }
            return result;
        }
    }

    @FunctionalInterface
    private interface AfterCall {
        Object after(Method method, Object result);
    }

    /** A proxy of {@code target} as {@code type} that hands each call's result to {@code after}. */
    private <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, arguments) -> {
            // The SQL is the first argument of prepareStatement and of Statement.execute*(sql).
            if (arguments != null && arguments.length > 0 && arguments[0] instanceof String text) {
                lastSql.set(text);
            }
            try {
                return after.after(method, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
