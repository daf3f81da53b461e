package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicekit.rls.TenantKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database's side of the signed tenant context (V15), through its owner-only SQL API:
 * {@code create_tenant_key}, {@code retire_tenant_key}, {@code require_signed_tenants},
 * {@code allow_unsigned_tenants}, the tables {@code tenant_keys} (of which only id and dates are
 * ever read here, never a secret) and {@code tenant_context_mode}.
 */
final class TenantKeys {

    /** How long a tenant-keys statement waits for a lock (a concurrent rotation) before it gives up. */
    private static final String LOCK_TIMEOUT = "10s";

    private static final String UNDEFINED_FUNCTION = "42883";
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String UNIQUE_VIOLATION = "23505";

    private TenantKeys() {
    }

    /** One key as {@code list} shows it: never its secret. */
    record Key(String id, Instant created, Instant retired) {
        boolean valid() {
            return retired == null;
        }
    }

    /** The tenant context's mode and its keys. */
    record Mode(boolean unsignedAllowed, List<Key> keys) {

        List<String> validKeys() {
            return keys.stream().filter(Key::valid).map(Key::id).toList();
        }

        /** {@code Tenant context: signed tokens required from members of invoice_app; valid keys: k1, k2}. */
        String line(String applicationRole) {
            List<String> valid = validKeys();
            return "Tenant context: " + (unsignedAllowed
                    ? "compatibility mode (members of " + applicationRole + " may also set app.user_id unsigned)"
                    : "signed tokens required from members of " + applicationRole)
                    + "; valid keys: " + (valid.isEmpty() ? "none" : String.join(", ", valid));
        }

        void into(ObjectNode json) {
            json.put("mode", unsignedAllowed ? "unsigned-allowed" : "signed");
            json.put("unsignedAllowed", unsignedAllowed);
            ArrayNode valid = json.putArray("validKeys");
            validKeys().forEach(valid::add);
        }
    }

    /** Refuses a key id the database would refuse, before a file or the database is touched. */
    static void requireValidId(String keyId) {
        if (!TenantKey.isValidId(keyId)) {
            throw new CannotRun("a tenant key id must be 1 to 32 letters, digits, _ or -, was '" + keyId + "'");
        }
    }

    /**
     * Creates a key on the server ({@code create_tenant_key}) in the transaction of {@code connection},
     * which the caller commits; returns it as the service reads it, {@code <key id>:<secret in hex>}.
     * The statement carries the key id only: the secret is made on the server and is only in the result.
     */
    static String create(Connection connection, String keyId) throws SQLException {
        lockTimeout(connection);
        try (PreparedStatement statement = connection.prepareStatement("select public.create_tenant_key(?)")) {
            statement.setString(1, keyId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** A key for this run of the embedded database, created and committed by its owner. */
    static TenantKey createCommitted(DataSource owner, String keyId) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            String key = create(connection, keyId);
            connection.commit();
            return TenantKey.parse(key);
        } catch (SQLException e) {
            throw refused("cannot create the tenant key " + keyId, e);
        }
    }

    static void retire(DataSource owner, String keyId) {
        call(owner, "call public.retire_tenant_key(?)", keyId);
    }

    static void requireSigned(DataSource owner) {
        call(owner, "call public.require_signed_tenants()", null);
    }

    static void allowUnsigned(DataSource owner) {
        call(owner, "call public.allow_unsigned_tenants()", null);
    }

    private static void call(DataSource owner, String sql, String keyId) {
        try (Connection connection = owner.getConnection()) {
            lockTimeout(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (keyId != null) {
                    statement.setString(1, keyId);
                }
                statement.execute();
            }
        } catch (SQLException e) {
            throw refused(null, e);
        }
    }

    /** The mode and every key, oldest first; only their ids and dates are read. */
    static Mode mode(DataSource owner) {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            boolean unsignedAllowed;
            try (ResultSet mode = statement.executeQuery("select unsigned_allowed from public.tenant_context_mode")) {
                if (!mode.next()) {
                    throw new CannotRun("public.tenant_context_mode has no row: the database's tenant context has no mode");
                }
                unsignedAllowed = mode.getBoolean(1);
            }
            List<Key> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select key_id, created_at, retired_at from public.tenant_keys order by created_at, key_id")) {
                while (rows.next()) {
                    keys.add(new Key(rows.getString(1), instant(rows.getTimestamp(2)), instant(rows.getTimestamp(3))));
                }
            }
            return new Mode(unsignedAllowed, keys);
        } catch (SQLException e) {
            throw refused("cannot read the tenant keys", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void lockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '" + LOCK_TIMEOUT + "'");
        }
    }

    /**
     * A database's refusal as the one line the operator sees: its own message (without the context
     * lines PostgreSQL adds), with what to do for a missing schema or privilege.
     */
    static CannotRun refused(String doing, SQLException e) {
        String state = e.getSQLState();
        String message;
        if (UNDEFINED_FUNCTION.equals(state) || UNDEFINED_TABLE.equals(state)) {
            message = "this database has no tenant keys (" + message(e) + "): migrate it to V15 or later first";
        } else if (INSUFFICIENT_PRIVILEGE.equals(state)) {
            message = message(e) + ": tenant-keys runs as the schema owner";
        } else if (UNIQUE_VIOLATION.equals(state)) {
            message = "that key id is already one of this database's tenant keys (a retired one included): choose another";
        } else {
            message = message(e);
        }
        return new CannotRun(doing == null ? message : doing + ": " + message, e);
    }

    /** The server's primary message (no "ERROR:", no "Where:" lines), else the driver's, as one line. */
    static String message(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        return CannotRun.oneLine(e);
    }
}
