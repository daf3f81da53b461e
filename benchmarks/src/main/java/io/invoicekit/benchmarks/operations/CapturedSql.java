package io.invoicekit.benchmarks.operations;

import io.invoicekit.rls.TenantFoldingConnection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The statements one call of the repository sent, recorded from the repository itself (not copied
 * by hand), for the JDBC variants to send again: each prepared statement's SQL text and its bound
 * parameters (the setter the driver was called with, and its arguments, in parameter order).
 *
 * <p>The recording sits between the store and its pool, so under the store's {@link
 * TenantFoldingConnection}: the work's first statement arrives with the tenant setting folded in
 * front of it. That setting is taken off (its SQL and its parameters), since the replay runs
 * through {@link TenantSql}, which sets the tenant as the store does (or as the variant does);
 * BEGIN and COMMIT are connection calls, not statements, and are not recorded either.
 */
final class CapturedSql {

    private static final String FOLDED_SETTING = TenantFoldingConnection.SET_TENANT + ";";
    private static final int SETTING_PARAMETERS = (int) TenantFoldingConnection.SET_TENANT.chars()
            .filter(c -> c == '?').count();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");
    // jOOQ qualifies every table and routine with its schema; the per-row-policy baseline's copies
    // (schema baseline) are found through its search_path only when the SQL names no schema.
    private static final Pattern PUBLIC_QUALIFIER = Pattern.compile("\\b\"?public\"?\\.");
    // jOOQ binds a PostgreSQL array as its text, {a,b,c}, and casts the placeholder: cast(? as uuid[]).
    private static final Pattern ARRAY_CAST = Pattern.compile("\\?\\s+as\\s+[a-z ]+(\\([0-9, ]+\\))?\\[\\]\\)");

    /**
     * One statement as sent: its SQL, its parameters' setters by parameter index, and the indexes
     * of the parameters that bind an array (see {@link #of}).
     */
    record Statement(String sql, List<Binding> bindings, Set<Integer> arrayParameters) {

        Statement {
            bindings = List.copyOf(bindings);
            arrayParameters = Set.copyOf(arrayParameters);
        }

        /**
         * {@code sql} with {@code bindings}; its array parameters, found once, not per replay, are the
         * {@code ?}s of the SQL, outside quoted literals and names, counted from 1, that a cast to an
         * array type follows.
         */
        static Statement of(String sql, List<Binding> bindings) {
            Set<Integer> arrays = new HashSet<>();
            int index = 0;
            char quote = 0;
            for (int at = 0; at < sql.length(); at++) {
                char c = sql.charAt(at);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '?') {
                    index++;
                    if (ARRAY_CAST.matcher(sql).region(at, sql.length()).lookingAt()) {
                        arrays.add(index);
                    }
                }
            }
            return new Statement(sql, bindings, arrays);
        }

        /** The same statement, its SQL rewritten by {@code rewrite}, which must keep its parameters. */
        Statement rewritten(UnaryOperator<String> rewrite) {
            return new Statement(rewrite.apply(sql), bindings, arrayParameters);
        }
    }

    /**
     * One parameter setter call ({@code setString(2, "...")}, {@code setNull(3, Types.VARCHAR)}):
     * the method and its arguments, the parameter index first.
     */
    record Binding(Method setter, List<Object> arguments) {

        Binding {
            // Not List.copyOf: a bound value may be null.
            arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        }

        int index() {
            return (Integer) arguments.getFirst();
        }

        Object value() {
            return arguments.get(1);
        }
    }

    private final List<Statement> statements;
    private final List<Statement> unqualified;

    private CapturedSql(List<Statement> statements) {
        if (statements.isEmpty()) {
            throw new IllegalStateException("the call sent no statement to capture");
        }
        this.statements = List.copyOf(statements);
        this.unqualified = rewritten(CapturedSql::unqualified);
    }

    /** {@code sql} naming no schema {@code public}: how the per-row-policy baseline must be sent it. */
    static String unqualified(String sql) {
        return PUBLIC_QUALIFIER.matcher(sql).replaceAll("");
    }

    /**
     * What {@code call} sends through a data source that records {@code pool}'s connections: run it
     * once (give it to a store as its data source), single-threaded, outside any measurement.
     */
    static CapturedSql capture(DataSource pool, Consumer<DataSource> call) {
        List<Statement> sent = Collections.synchronizedList(new ArrayList<>());
        call.accept(proxy(DataSource.class, (proxy, method, arguments) -> {
            Object result = invoke(pool, method, arguments);
            return result instanceof Connection connection ? recording(connection, sent) : result;
        }));
        return new CapturedSql(sent);
    }

    /** The same statements under {@code EXPLAIN (ANALYZE, BUFFERS)}: their plans as they run. */
    CapturedSql explained() {
        return new CapturedSql(rewritten(statement -> "explain (analyze, buffers) " + statement));
    }

    private List<Statement> rewritten(UnaryOperator<String> sql) {
        return statements.stream().map(statement -> statement.rewritten(sql)).toList();
    }

    /** The statements, as the repository sent them but for the tenant setting. */
    List<Statement> statements() {
        return statements;
    }

    /**
     * Sends the statements on {@code transaction}, a bound value equal to a key of {@code
     * substitutions} replaced by the key's value (jOOQ binds a UUID as itself, with {@code
     * setObject}), and so is a key inside a bound array; the rows of the last statement that
     * returned any, read with {@code getObject}.
     *
     * @throws IllegalStateException if a substitution's key is bound nowhere: the call would
     *                               otherwise quietly send the captured value
     */
    List<Object[]> replay(Connection transaction, Map<?, ?> substitutions) throws SQLException {
        return replay(statements, transaction, substitutions);
    }

    /** The same without the {@code public} schema named, for the per-row-policy baseline's copies. */
    List<Object[]> replayUnqualified(Connection transaction, Map<?, ?> substitutions) throws SQLException {
        return replay(unqualified, transaction, substitutions);
    }

    private static List<Object[]> replay(List<Statement> statements, Connection transaction, Map<?, ?> substitutions)
            throws SQLException {
        Set<Object> substituted = new HashSet<>();
        List<Object[]> rows = List.of();
        for (Statement captured : statements) {
            try (PreparedStatement statement = transaction.prepareStatement(captured.sql())) {
                for (Binding binding : captured.bindings()) {
                    Object[] arguments = binding.arguments().toArray();
                    arguments[1] = substituted(binding.value(), captured.arrayParameters().contains(binding.index()),
                            substitutions,
                            substituted);
                    invoke(statement, binding.setter(), arguments);
                }
                if (statement.execute()) {
                    rows = TenantSql.rows(statement.getResultSet());
                }
            }
        }
        if (!substituted.containsAll(substitutions.keySet())) {
            throw new IllegalStateException("a substituted value is bound nowhere in the captured statements: "
                    + substitutions.keySet());
        }
        return rows;
    }

    /**
     * {@code value}, or what replaces it: a key's value if it is a key, and in an array (bound as
     * its text, {@code {a,b,c}}), each key's text replaced by its value's; any other text, a line's
     * description say, is left as it is. Adds the keys it replaced to {@code substituted}.
     */
    private static Object substituted(Object value, boolean array, Map<?, ?> substitutions,
            Set<Object> substituted) {
        if (value != null && substitutions.containsKey(value)) {
            substituted.add(value);
            return substitutions.get(value);
        }
        if (!array || !(value instanceof String text)) {
            return value;
        }
        String replaced = text;
        for (Map.Entry<?, ?> substitution : substitutions.entrySet()) {
            String key = substitution.getKey().toString();
            if (replaced.contains(key)) {
                replaced = replaced.replace(key, substitution.getValue().toString());
                substituted.add(substitution.getKey());
            }
        }
        return replaced;
    }

    private static Connection recording(Connection connection, List<Statement> sent) {
        return proxy(Connection.class, (proxy, method, arguments) -> {
            String name = method.getName();
            if (name.equals("createStatement") || name.equals("prepareCall")) {
                throw new IllegalStateException("the capture records prepared statements only, not " + name);
            }
            Object result = invoke(connection, method, arguments);
            return name.equals("prepareStatement")
                    ? recording((PreparedStatement) result, (String) arguments[0], sent) : result;
        });
    }

    private static PreparedStatement recording(PreparedStatement statement, String sql, List<Statement> sent) {
        SortedMap<Integer, Binding> bindings = new TreeMap<>();
        return proxy(PreparedStatement.class, (proxy, method, arguments) -> {
            if (isParameterSetter(method)) {
                bindings.put((Integer) arguments[0], new Binding(method, Arrays.asList(arguments)));
            } else if (method.getName().equals("clearParameters")) {
                bindings.clear();
            } else if (method.getName().equals("addBatch")) {
                throw new IllegalStateException("the capture does not record batches");
            } else if (EXECUTIONS.contains(method.getName()) && method.getParameterCount() == 0) {
                work(sql, bindings.values()).ifPresent(sent::add);
            }
            return invoke(statement, method, arguments);
        });
    }

    /** The statement without the tenant setting folded in front of it; none if it was the setting alone. */
    private static Optional<Statement> work(String sql, Iterable<Binding> bindings) {
        if (sql.equals(TenantFoldingConnection.SET_TENANT)) {
            return Optional.empty();
        }
        boolean folded = sql.startsWith(FOLDED_SETTING);
        int shift = folded ? SETTING_PARAMETERS : 0;
        List<Binding> work = new ArrayList<>();
        for (Binding binding : bindings) {
            if (binding.index() > shift) {
                Object[] arguments = binding.arguments().toArray();
                arguments[0] = binding.index() - shift;
                work.add(new Binding(binding.setter(), Arrays.asList(arguments)));
            }
        }
        return Optional.of(Statement.of(folded ? sql.substring(FOLDED_SETTING.length()) : sql, work));
    }

    /** A setter of a parameter by index ({@code setX(int, value...)}), not of the statement ({@code setFetchSize}). */
    private static boolean isParameterSetter(Method method) {
        return method.getName().startsWith("set") && method.getParameterCount() >= 2
                && method.getParameterTypes()[0] == int.class;
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
