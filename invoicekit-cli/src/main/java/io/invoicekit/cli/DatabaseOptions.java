package io.invoicekit.cli;

import io.invoicekit.migration.InvoiceMigrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options every database command takes: where (--url; none: an embedded PostgreSQL), as whom
 * (--user; the password from {@value #PASSWORD} or --password-file, never from the command line),
 * the application role, and --json.
 */
final class DatabaseOptions {

    /** The environment variable the password of --user is read from. */
    static final String PASSWORD = "INVOICEKIT_DB_PASSWORD";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("[?&](user|password)=", Pattern.CASE_INSENSITIVE);

    @Option(names = "--url", paramLabel = "<jdbc-url>",
            description = "The database: jdbc:postgresql://host:port/database. Without it: an embedded PostgreSQL of "
                    + "the tool's own, migrated as a plain owner, removed at exit.")
    String url;

    @Option(names = "--user", paramLabel = "<role>", description = "The login to connect as (with --url).")
    String user;

    @Option(names = "--password-file", paramLabel = "<path>",
            description = "A file holding the password of --user (trailing newline ignored). Default: the "
                    + "environment variable " + PASSWORD + ".")
    Path passwordFile;

    @Option(names = "--app-role", paramLabel = "<role>", defaultValue = InvoiceMigrations.DEFAULT_APPLICATION_ROLE,
            description = "The NOLOGIN application role the service's logins are members of. Default: ${DEFAULT-VALUE}.")
    String applicationRole;

    @Option(names = "--json", description = "One JSON document on stdout, for machines (progress stays on stderr).")
    boolean json;

    /**
     * The database to run on: the one given by URL (checked to be reachable), or a new embedded one,
     * migrated first if {@code migrateEmbedded}.
     *
     * @throws CannotRun on bad options, a missing password, an unreachable database
     */
    Target open(Console console, boolean migrateEmbedded) {
        if (!ROLE_NAME.matcher(applicationRole).matches()) {
            throw new CannotRun("--app-role must be a lower-case SQL identifier (letters, digits, underscore; at most "
                    + "63), was '" + applicationRole + "'");
        }
        if (url == null) {
            if (user != null || passwordFile != null) {
                throw new CannotRun("--user and --password-file need --url (without --url the tool runs on an embedded "
                        + "PostgreSQL of its own)");
            }
            Target target = EmbeddedDatabase.start(applicationRole, console);
            if (migrateEmbedded) {
                try {
                    Migration.defaults(applicationRole).migrate(target.dataSource(), target.login().user(), console);
                } catch (RuntimeException e) {
                    target.close();
                    throw new CannotRun("migrating the embedded database failed: " + CannotRun.oneLine(e), e);
                }
                try {
                    target = target.withTenantKey(EmbeddedDatabase.runKey(target));
                } catch (RuntimeException e) {
                    target.close();
                    throw e instanceof CannotRun ? e : new CannotRun("could not make the embedded database's tenant key: "
                            + CannotRun.oneLine(e), e);
                }
                console.progress("tenant key " + EmbeddedDatabase.RUN_KEY + " created for this run as "
                        + target.login().user() + " (the probe signs its tenants with it)");
            }
            return target;
        }
        Login login = login(url, user, passwordFile, PASSWORD, "--user", "--password-file", console);
        login.probe();
        return Target.byUrl(login, applicationRole);
    }

    /**
     * A login from a URL, a user and a password read from a file or the environment; shared with
     * the options of the application login (the isolation probe's --app-user).
     */
    static Login login(String url, String user, Path passwordFile, String passwordVariable, String userOption,
                       String fileOption, Console console) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new CannotRun("--url must be a jdbc:postgresql://host:port/database URL, was '" + url + "'");
        }
        if (CREDENTIAL_PARAMETER.matcher(url).find()) {
            throw new CannotRun("--url must not carry user or password parameters: give " + userOption
                    + ", and the password in " + passwordVariable + " or " + fileOption);
        }
        if (user == null || user.isBlank()) {
            throw new CannotRun("--url needs " + userOption + " <role>, the login to connect as");
        }
        return new Login(url, user, password(user, passwordFile, passwordVariable, fileOption, console));
    }

    private static String password(String user, Path file, String variable, String fileOption, Console console) {
        if (file != null) {
            try {
                return Files.readString(file).replaceFirst("\\R+\\z", "");
            } catch (IOException e) {
                throw new CannotRun("cannot read " + fileOption + " " + file + ": " + CannotRun.oneLine(e), e);
            }
        }
        String password = console.environment().get(variable);
        if (password == null) {
            throw new CannotRun("no password for " + user + ": set the environment variable " + variable + " or give "
                    + fileOption + " <path> (never the password itself on the command line)");
        }
        return password;
    }
}
