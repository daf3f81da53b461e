package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicekit.rls.TenantKey;
import io.invoicekit.rls.isolation.IsolationProbe;
import io.invoicekit.rls.isolation.IsolationReport;
import io.invoicekit.rls.isolation.TenantsRefusedException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Option;

/**
 * The isolation probe (invoice-rls's {@link IsolationProbe}): attacks the database as a LOGIN
 * member of the application role, with two tenants that exist only in transactions it never
 * commits.
 */
final class IsolationStep implements Step {

    static final String PASSWORD = "INVOICEKIT_APP_PASSWORD";
    private static final int PROGRESS_EVERY = 100;

    private final Options options = new Options();

    /** The application login and where the tenants live. */
    static final class Options {
        @Option(names = "--app-user", paramLabel = "<login>",
                description = "A LOGIN member of the application role, for the isolation probe (by --url; "
                        + "default: --user). Its password from " + PASSWORD + " or --app-password-file.")
        String user;

        @Option(names = "--app-password-file", paramLabel = "<path>",
                description = "A file holding the --app-user's password.")
        Path passwordFile;

        @Option(names = "--tenant-key-file", paramLabel = "<file>",
                description = "The service's tenant key (<key id>:<secret in hex>, as 'invoicekit tenant-keys create' "
                        + "wrote it): the probe signs its tenants with it, as the service does. Default: the file "
                        + "named by " + TenantKey.FILE_ENVIRONMENT + ", or the key in " + TenantKey.ENVIRONMENT
                        + ". Needed where the database requires signed tenant tokens; by --url only (the embedded "
                        + "database makes a key of its own for its run).")
        Path tenantKeyFile;

        @Option(names = "--tenant-column", paramLabel = "<column>", defaultValue = "user_id",
                description = "The column that holds the tenant in every tenant table (default: ${DEFAULT-VALUE}).")
        String tenantColumn;

        @Option(names = "--tenant-setting", paramLabel = "<setting>", defaultValue = "app.user_id",
                description = "The setting the policies read the tenant from (default: ${DEFAULT-VALUE}).")
        String tenantSetting;

        @Option(names = "--committed-tenant", paramLabel = "<uuid>",
                description = "A tenant with committed rows (a real customer's): EXPLAIN is also tried as an "
                        + "oracle for its key, which only committed rows reach.")
        UUID committedTenant;
    }

    @Override
    public String name() {
        return "isolation";
    }

    @Override
    public String[] description() {
        return new String[] {
                "Attacks the database as the application role: other tenants' rows read, changed, deleted, "
                        + "inserted with their keys, pointed at by foreign keys, probed through unique keys and "
                        + "ON CONFLICT; no and empty tenant; pooled-connection reuse; COPY, TRUNCATE, triggers, "
                        + "leaky functions, statistics; and this project's derived state (numbers, status, amounts, "
                        + "totals, issued documents, payments, the audit trail). Every tenant table of schema "
                        + AuditStep.SCHEMA + " is found in the catalog, a service's own tables included.",
                "Leaves nothing behind: its two tenants exist only in transactions it never commits.",
                "",
                "Role: a LOGIN member of the application role (--app-user, or --user; not the owner, not a "
                        + "superuser, no BYPASSRLS): the attacks are the application's. With the service's tenant key "
                        + "(--tenant-key-file, or " + TenantKey.FILE_ENVIRONMENT + " / " + TenantKey.ENVIRONMENT
                        + ") where the database requires signed tenant tokens: without it nothing could be seeded, "
                        + "and the probe refuses to run rather than pass.",
                "Exit status: 0 every attack blocked, 1 an attack not blocked, 2 could not run."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public StepResult run(Target target, Console console) {
        // The embedded database's own login; else --app-user; else --user itself (invoicekit isolation --user app_login).
        Login login = target.applicationLogin().orElseGet(() -> {
            if (options.user == null) {
                return target.login();
            }
            Login given = DatabaseOptions.login(target.login().url(), options.user, options.passwordFile, PASSWORD,
                    "--app-user", "--app-password-file", console);
            given.probe();
            return given;
        });
        requireApplicationLogin(login, target.applicationRole());
        Optional<TenantKey> key = tenantKey(target, console);
        IsolationProbe.Builder builder = IsolationProbe.builder(login.dataSource()).schema(AuditStep.SCHEMA)
                .tenantColumn(options.tenantColumn).tenantSetting(options.tenantSetting);
        key.ifPresent(builder::tenantKey);
        if (options.committedTenant != null) {
            builder.committedTenant(options.committedTenant);
        }
        IsolationProbe probe;
        try {
            probe = builder.build();
        } catch (TenantsRefusedException e) {
            throw new CannotRun(e.getMessage() + (key.isEmpty()
                    ? "; pass the key with --tenant-key-file <file>, or " + TenantKey.FILE_ENVIRONMENT + " / "
                            + TenantKey.ENVIRONMENT + " in the environment"
                    : "; pass the service's current tenant key"), e);
        } catch (IllegalStateException e) {
            throw new CannotRun(e.getMessage(), e);
        }
        String signing = key.map(k -> "signed with key " + k.id()).orElse("unsigned in " + options.tenantSetting);
        console.progress("attacking " + probe.tables().size() + " tenant tables as " + login.user() + " (tenants "
                + signing + "): " + probe.attacks() + " attacks ...");
        AtomicInteger done = new AtomicInteger();
        IsolationReport report = probe.run(row -> {
            if (done.incrementAndGet() % PROGRESS_EVERY == 0) {
                console.progress("isolation: " + done.get() + " of " + probe.attacks() + " attacks");
            }
        });
        // The table marks each attack that was not blocked with "!!".
        return new StepResult(report.passed() ? Verdict.PASS : Verdict.FAIL, report.summary(), report.table(),
                json(report, login, key));
    }

    /**
     * The key the probe signs with: the embedded database's own; by URL --tenant-key-file, else the
     * environment's (TenantKey.fromEnvironment); else none.
     */
    private Optional<TenantKey> tenantKey(Target target, Console console) {
        if (target.embedded()) {
            if (options.tenantKeyFile != null) {
                throw new CannotRun("--tenant-key-file needs --url (without it the embedded database signs with a key "
                        + "made for its run)");
            }
            if (console.environment().containsKey(TenantKey.FILE_ENVIRONMENT)
                    || console.environment().containsKey(TenantKey.ENVIRONMENT)) {
                console.progress("the tenant key in the environment is for a database given by --url: the embedded "
                        + "database's probe signs with the key made for this run");
            }
            return target.tenantKey();
        }
        try {
            if (options.tenantKeyFile != null) {
                return Optional.of(TenantKey.fromFile(options.tenantKeyFile));
            }
            return TenantKey.fromEnvironment(console.environment());
        } catch (UncheckedIOException e) {
            // TenantKey's messages name files and rules, never a key.
            throw new CannotRun(e.getCause() instanceof NoSuchFileException missing
                    ? "cannot read the tenant key file " + missing.getFile() + ": no such file" : e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CannotRun(e.getMessage(), e);
        }
    }

    /**
     * Refuses a login that would prove nothing: one that is not a member of the application role,
     * or that bypasses row-level security.
     */
    private static void requireApplicationLogin(Login login, String applicationRole) {
        try (Connection connection = login.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select pg_has_role(current_user, ?, 'member'), rolsuper or rolbypassrls
                     from pg_roles where rolname = current_user""")) {
            statement.setString(1, applicationRole);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1) || result.getBoolean(2)) {
                    throw new CannotRun(login.user() + " is not a plain LOGIN member of " + applicationRole
                            + " (a superuser, a BYPASSRLS role or the owner would prove nothing): give --app-user"
                            + " <login>, the application's own login, its password in " + PASSWORD);
                }
            }
        } catch (SQLException e) {
            throw new CannotRun("cannot check the roles of " + login.user() + ": " + CannotRun.oneLine(e), e);
        }
    }

    private static ObjectNode json(IsolationReport report, Login login, Optional<TenantKey> key) {
        ObjectNode json = Json.object().put("login", login.user()).put("passed", report.passed())
                .put("summary", report.summary());
        if (key.isPresent()) {
            json.put("tenantKey", key.get().id());
        } else {
            json.putNull("tenantKey");
        }
        ArrayNode tables = json.putArray("tables");
        report.tables().forEach(tables::add);
        ArrayNode rows = json.putArray("attacks");
        for (IsolationReport.Row row : report.rows()) {
            rows.addObject().put("attack", row.attack()).put("table", row.table()).put("expected", row.expected())
                    .put("observed", row.observed()).put("asExpected", row.asExpected());
        }
        return json;
    }
}
