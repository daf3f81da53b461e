package io.invoicekit.rls;

import io.invoicekit.core.failure.TenantTokenRefusedException;
import io.invoicekit.core.tenant.TenantId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * A tenant transaction's connection that sends the statement setting the tenant in the same round
 * trip as the work's first statement: {@code <set the tenant>; <the statement>} as one prepared
 * statement, which the driver sends as two statements and one Sync. A read then costs two round
 * trips (the statement, COMMIT) instead of three, and work that sends nothing costs none.
 *
 * <p>The setting statement raises {@link #REFUSED} when the database gives the transaction no
 * tenant, so the server skips the work's statement, which would otherwise run with no tenant; the
 * refusal reaches the caller as a {@link TenantTokenRefusedException}. Statements the setting cannot
 * ride along with (a batch, a call, a plain {@code Statement}, metadata asked before executing) get
 * it sent on its own first: one round trip more, the same effect.
 */
public final class TenantFoldingConnection extends DefaultConnection {

    /** The SQLSTATE of {@code require_tenant()}'s refusal. */
    static final String REFUSED = "IK001";

    // The bind-parameter form of SET LOCAL: SET cannot take a parameter, and a tenant pasted into
    // SQL text is an injection; is_local = true ends the setting with the transaction. The actor,
    // for the audit trail, rides in the same statement ('' when there is none). require_tenant()
    // raises when the database gave the transaction no tenant (a wrong key, an expired token),
    // saying why; OFFSET 0 keeps the subquery from being merged into the outer select, so the
    // settings are made before the check reads them.
    /**
     * The statement that sets the tenant, with three parameters (the setting, the tenant's value,
     * the actor); folded, it goes first, then {@code ;} and the work's statement. Public for code
     * that records what a store sends and must tell the setting from the work (the benchmarks).
     */
    public static final String SET_TENANT = "select public.require_tenant() from (select set_config(?, ?, true), "
            + "set_config('app.actor', coalesce(?, ''), true) offset 0) tenant";

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private final String settingSql;
    private Object[] pending;

    private TenantFoldingConnection(Connection connection, Object[] parameters) {
        super(connection);
        this.settingSql = SET_TENANT;
        this.pending = parameters;
    }

    /**
     * {@code connection}, which must be in a transaction (autocommit off), setting {@code tenant}
     * as {@code signing} gives it, and {@code actor} (null for none), with its next statement, as
     * {@link TenantContext} does: for JDBC code that must send exactly what the context sends.
     */
    public static TenantFoldingConnection settingTenant(Connection connection, TenantSigning signing,
                                                        TenantId tenant, String actor) {
        return new TenantFoldingConnection(connection, parameters(signing, tenant, actor));
    }

    /** The parameters of the statement that sets the tenant: the setting, the tenant's value, the actor. */
    static Object[] parameters(TenantSigning signing, TenantId tenant, String actor) {
        return new Object[] {signing.setting(), signing.value(tenant.value(), Instant.now()), actor};
    }

    /** The setting's parameters while it waits for a statement to carry it; null once sent. */
    Object[] pending() {
        return pending == null ? null : pending.clone();
    }

    /**
     * Sets the tenant with the next statement ({@code parameters} as the constructor takes them),
     * or, given null, not at all: for a nested call inside its savepoint, and to restore what was
     * pending when that savepoint rolls back.
     */
    void setWithNextStatement(Object[] parameters) {
        this.pending = parameters == null ? null : parameters.clone();
    }

    /** Sends the setting on its own now, unless a statement has carried it already. */
    public void sendPending() throws SQLException {
        Object[] parameters = pending;
        if (parameters == null) {
            return;
        }
        pending = null;
        try (PreparedStatement setting = getDelegate().prepareStatement(settingSql)) {
            bind(setting, parameters, 0);
            setting.execute();
        } catch (SQLException failure) {
            throw refusalOr(failure);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return pending == null ? super.prepareStatement(sql) : folding(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        sendPending();
        return super.prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        sendPending();
        return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        sendPending();
        return super.prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        sendPending();
        return super.prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        sendPending();
        return super.prepareStatement(sql, columnNames);
    }

    @Override
    public Statement createStatement() throws SQLException {
        sendPending();
        return super.createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        sendPending();
        return super.createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        sendPending();
        return super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        sendPending();
        return super.prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        sendPending();
        return super.prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        sendPending();
        return super.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    /** Nothing was sent: there is nothing to set the tenant for. */
    @Override
    public void commit() throws SQLException {
        pending = null;
        super.commit();
    }

    @Override
    public void rollback() throws SQLException {
        pending = null;
        super.rollback();
    }

    private PreparedStatement folding(String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new FoldingStatement(sql));
    }

    private static void bind(PreparedStatement statement, Object[] parameters, int from) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(from + i + 1, (String) parameters[i]);
        }
    }

    /** The refusal, when that is what {@code failure} is; else {@code failure} itself. */
    private static RuntimeException refusalOr(SQLException failure) throws SQLException {
        if (REFUSED.equals(failure.getSQLState())) {
            return new TenantTokenRefusedException(serverMessage(failure));
        }
        throw failure;
    }

    /** The server's message without the driver's "ERROR: " prefix and position. */
    private static String serverMessage(SQLException failure) {
        if (failure instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return failure.getMessage();
    }

    /**
     * The statement the work prepared while the setting was pending. Until it is executed it only
     * records what is set on it; executed, it becomes the setting and the statement in one, with the
     * statement's parameters moved past the setting's, or, when the setting went out with another
     * statement in the meantime, the statement alone. Anything else asked of it first (a batch,
     * metadata) sends the setting on its own and the statement alone.
     */
    private final class FoldingStatement implements InvocationHandler {

        private final String sql;
        private final List<Recorded> recorded = new ArrayList<>();
        private PreparedStatement statement;
        private boolean carriesSetting;
        private int shift;

        FoldingStatement(String sql) {
            this.sql = sql;
        }

        /** A setter called before the statement existed, to call on it once it does. */
        private record Recorded(Method method, Object[] arguments) {
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "statement carrying the tenant setting: " + sql;
                };
            }
            if (statement == null) {
                if (method.getName().startsWith("set") || method.getName().equals("clearParameters")) {
                    recorded.add(new Recorded(method, arguments));
                    return null;
                }
                if (method.getName().equals("close") || method.getName().equals("isClosed")) {
                    return method.getName().equals("isClosed") ? false : null;
                }
                boolean execution = EXECUTIONS.contains(method.getName()) && method.getParameterCount() == 0;
                prepare(execution && pending != null);
            }
            if (carriesSetting && EXECUTIONS.contains(method.getName()) && method.getParameterCount() == 0) {
                return executeCarryingSetting(method.getName());
            }
            if (carriesSetting && method.getName().equals("addBatch")) {
                throw new SQLException("a statement that carried the tenant setting cannot be batched: "
                        + "prepare the batch's statement anew");
            }
            return call(method, arguments);
        }

        private void prepare(boolean carrySetting) throws SQLException {
            Object[] parameters = pending;
            if (carrySetting) {
                pending = null;
                statement = getDelegate().prepareStatement(settingSql + ";" + sql);
                shift = parameters.length;
                carriesSetting = true;
            } else {
                sendPending();
                statement = getDelegate().prepareStatement(sql);
            }
            for (Recorded call : recorded) {
                Object[] arguments = call.arguments() == null ? null : call.arguments().clone();
                if (isParameterSetter(call.method())) {
                    arguments[0] = (Integer) arguments[0] + shift;
                }
                invokeOn(statement, call.method(), arguments);
            }
            recorded.clear();
            if (carrySetting) {
                bind(statement, parameters, 0);
            }
        }

        /** Runs the setting and the statement; answers as the statement alone would have. */
        private Object executeCarryingSetting(String execution) throws SQLException {
            try {
                statement.execute();
            } catch (SQLException failure) {
                throw refusalOr(failure);
            }
            boolean resultSet = statement.getMoreResults();
            return switch (execution) {
                case "executeQuery" -> {
                    if (!resultSet) {
                        throw new SQLException("No results were returned by the query.", "02000");
                    }
                    yield statement.getResultSet();
                }
                case "executeUpdate", "executeLargeUpdate" -> {
                    if (resultSet) {
                        throw new SQLException("A result was returned when none was expected.", "0100E");
                    }
                    yield execution.equals("executeUpdate") ? statement.getUpdateCount()
                            : statement.getLargeUpdateCount();
                }
                default -> resultSet;
            };
        }

        private Object call(Method method, Object[] arguments) throws Throwable {
            if (isParameterSetter(method)) {
                arguments = arguments.clone();
                arguments[0] = (Integer) arguments[0] + shift;
            }
            return invokeOn(statement, method, arguments);
        }

        /** A setter of a statement parameter (by index), as opposed to a setting of the statement. */
        private static boolean isParameterSetter(Method method) {
            return method.getName().startsWith("set") && method.getParameterCount() >= 2
                    && method.getParameterTypes()[0] == int.class
                    && (method.getDeclaringClass() == PreparedStatement.class
                    || method.getDeclaringClass() == CallableStatement.class);
        }

        private static Object invokeOn(PreparedStatement statement, Method method, Object[] arguments)
                throws SQLException {
            try {
                return method.invoke(statement, arguments);
            } catch (InvocationTargetException thrown) {
                if (thrown.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (thrown.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(thrown.getCause());
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
