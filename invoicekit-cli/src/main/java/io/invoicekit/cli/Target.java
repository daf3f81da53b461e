package io.invoicekit.cli;

import static java.util.Objects.requireNonNull;

import io.invoicekit.rls.TenantKey;
import io.invoicekit.testing.EmbeddedServer;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database a command runs on: one given by URL, as the operator's login, or an embedded
 * PostgreSQL of the tool's own ({@link EmbeddedDatabase}), as its plain owner. Closing it stops an
 * embedded server and removes its data; a database given by URL is left as it is.
 */
final class Target implements AutoCloseable {

    private final Login login;
    private final String applicationRole;
    private final Login applicationLogin;
    private final EmbeddedServer server;
    private final TenantKey tenantKey;

    private Target(Login login, String applicationRole, Login applicationLogin, EmbeddedServer server,
                   TenantKey tenantKey) {
        this.login = requireNonNull(login, "login is null");
        this.applicationRole = requireNonNull(applicationRole, "applicationRole is null");
        this.applicationLogin = applicationLogin;
        this.server = server;
        this.tenantKey = tenantKey;
    }

    /** A database given by URL, as {@code login}. */
    static Target byUrl(Login login, String applicationRole) {
        return new Target(login, applicationRole, null, null, null);
    }

    /** The embedded server's database, as its owner, with a login member of the application role. */
    static Target embedded(EmbeddedServer server, Login owner, String applicationRole, Login applicationLogin) {
        return new Target(owner, applicationRole, requireNonNull(applicationLogin, "applicationLogin is null"),
                requireNonNull(server, "server is null"), null);
    }

    /** The same embedded database, with the tenant key made for this run (closing either stops the server). */
    Target withTenantKey(TenantKey key) {
        if (server == null) {
            throw new IllegalStateException("only the embedded database brings a tenant key of its own");
        }
        return new Target(login, applicationRole, applicationLogin, server, requireNonNull(key, "key is null"));
    }

    /** As the login the command runs as (--user, or the embedded database's owner). */
    DataSource dataSource() {
        return login.dataSource();
    }

    Login login() {
        return login;
    }

    /** The NOLOGIN role the application's logins are members of (--app-role). */
    String applicationRole() {
        return applicationRole;
    }

    /**
     * A LOGIN member of the application role that the target brings: the embedded database's; empty
     * for a database given by URL, where the isolation probe takes one from its own options.
     */
    Optional<Login> applicationLogin() {
        return Optional.ofNullable(applicationLogin);
    }

    /**
     * The key the embedded database made for this run, for the isolation probe to sign with; empty
     * by URL, where the service's key is given (--tenant-key-file, or the environment).
     */
    Optional<TenantKey> tenantKey() {
        return Optional.ofNullable(tenantKey);
    }

    boolean embedded() {
        return server != null;
    }

    /** The embedded server's version, e.g. {@code PostgreSQL 18.6}; empty by URL. */
    Optional<String> embeddedServer() {
        return server == null ? Optional.empty() : Optional.of("PostgreSQL " + server.version());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
