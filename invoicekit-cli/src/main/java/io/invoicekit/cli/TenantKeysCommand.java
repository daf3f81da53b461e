package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code invoicekit tenant-keys create | retire | list | require-signed | allow-unsigned}: the keys
 * the service signs its tenant tokens with, and the tenant context's mode, as the schema owner
 * (V15's owner-only SQL API). No command ever prints a secret: {@code create} writes the one it
 * gets to a file only its owner may read, and prints the key id and the file.
 */
@Command(name = "tenant-keys", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        usageHelpAutoWidth = true,
        description = {
                "The keys the service signs its tenant tokens with (app.tenant_token), and whether the database requires "
                        + "them: create a key into a file for the service, retire one, list them, require signed "
                        + "tokens or allow unsigned ones again (compatibility mode). A rotation: create the new key, give "
                        + "it to every instance, then retire the old one.",
                "",
                "Role: the schema owner (the keys are readable by the owner only).",
                "Exit status: 0 done, 2 could not run or refused by the database (the last valid key, no valid key)."},
        footer = {"", "invoicekit tenant-keys <command> --help says what a command does."})
final class TenantKeysCommand implements Callable<Integer> {

    static final String ROLE = "Role: the schema owner (the keys are readable by the owner only; never printed).";

    @Spec
    CommandSpec spec;

    /** The group with its subcommands, each a new instance. */
    static CommandLine commandLine(Console console) {
        CommandLine group = new CommandLine(new TenantKeysCommand());
        group.addSubcommand(new Create(console));
        group.addSubcommand(new Retire(console));
        group.addSubcommand(new ListKeys(console));
        group.addSubcommand(new RequireSigned(console));
        group.addSubcommand(new AllowUnsigned(console));
        return group;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("invoicekit tenant-keys: a command is missing (create, retire, list, "
                + "require-signed, allow-unsigned; see invoicekit tenant-keys --help)");
        return Verdict.ERROR.exitStatus();
    }

    /** The text and JSON every subcommand ends with: the database, then the tenant context's mode. */
    private static Outcome outcome(Target target, String done, ObjectNode json) {
        DatabaseFacts facts = DatabaseFacts.of(target);
        TenantKeys.Mode mode = TenantKeys.mode(target.dataSource());
        json.set("database", facts.json());
        mode.into(json);
        String text = "Database: " + facts.describe() + "\n" + (done == null ? "" : done + "\n")
                + mode.line(target.applicationRole()) + "\n";
        return new Outcome(Verdict.PASS, text, json);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Creates a tenant key on the server (create_tenant_key: the secret is made there and is never a "
                            + "statement's text or parameter, so no log and no statistics view has it) and writes it, "
                            + "as the service reads it (<key id>:<secret in hex>), to a new file readable by its owner "
                            + "only (0600). Prints the key id and the file, never the secret. Give the file to the "
                            + "service as INVOICEKIT_TENANT_KEY_FILE, and to isolation and check as --tenant-key-file.",
                    "",
                    ROLE,
                    "Exit status: 0 created, 2 could not run (the file exists, the key id is taken or not valid)."})
    static final class Create extends DatabaseCommand {

        @Parameters(paramLabel = "<key-id>", description = "1 to 32 letters, digits, _ or -; e.g. k2, 2026-12.")
        String keyId;

        @Option(names = "--out", paramLabel = "<file>", required = true,
                description = "The file to write the key to; it must not exist (a key file is never overwritten).")
        Path out;

        Create(Console console) {
            super(console);
        }

        @Override
        Outcome run(Target target) {
            TenantKeys.requireValidId(keyId);
            Path file = out.toAbsolutePath();
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            try (FileChannel channel = newKeyFile(file, posix)) {
                boolean created = false;
                try (Connection connection = target.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    String key = TenantKeys.create(connection, keyId);
                    channel.write(ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                    connection.commit();
                    created = true;
                } catch (SQLException e) {
                    throw TenantKeys.refused("cannot create tenant key " + keyId, e);
                } catch (IOException e) {
                    throw new CannotRun("cannot write the tenant key to " + file + " (the key was not created): "
                            + CannotRun.oneLine(e), e);
                } finally {
                    if (!created) {
                        // The key is not in the database: no file may suggest it is.
                        deleteQuietly(file);
                    }
                }
            } catch (IOException e) {
                throw new CannotRun("cannot close " + file + ": " + CannotRun.oneLine(e), e);
            }
            console.progress("tenant key " + keyId + " created; its file is the secret: give it to the service "
                    + "(INVOICEKIT_TENANT_KEY_FILE), never to a log or a repository");
            ObjectNode json = Json.object().put("keyId", keyId).put("file", file.toString()).put("posixPermissions", posix);
            return outcome(target, "Created tenant key " + keyId + ": written to " + file
                    + (posix ? " (mode 0600)" : " (this file system has no POSIX permissions: restrict who may read it)"),
                    json);
        }

        /** A new file, 0600 from its creation where permissions are POSIX; refused if it exists. */
        private static FileChannel newKeyFile(Path file, boolean posix) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            List<FileAttribute<?>> attributes = new ArrayList<>();
            if (posix) {
                attributes.add(PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            try {
                FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        attributes.toArray(FileAttribute<?>[]::new));
                if (posix) {
                    // The umask can only take permissions away; set them explicitly all the same.
                    Files.setPosixFilePermissions(file, ownerOnly);
                }
                return channel;
            } catch (FileAlreadyExistsException e) {
                throw new CannotRun("--out " + file + " already exists: a key file is never overwritten (choose "
                        + "another file, or move that one away)", e);
            } catch (IOException e) {
                deleteQuietly(file);
                throw new CannotRun("cannot create --out " + file + ": " + CannotRun.oneLine(e), e);
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Empty or never written: nothing of a key is in it.
            }
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Retires a tenant key (retire_tenant_key): tokens signed with it give no tenant from the next "
                            + "statement on. The database refuses to retire the last valid key while it requires signed "
                            + "tokens: create and hand out its successor first.",
                    "",
                    ROLE,
                    "Exit status: 0 retired, 2 could not run or refused (no such valid key, the last valid key)."})
    static final class Retire extends DatabaseCommand {

        @Parameters(paramLabel = "<key-id>", description = "The key to retire.")
        String keyId;

        Retire(Console console) {
            super(console);
        }

        @Override
        Outcome run(Target target) {
            TenantKeys.retire(target.dataSource(), keyId);
            return outcome(target, "Retired tenant key " + keyId + ": tokens signed with it give no tenant from now on",
                    Json.object().put("retired", keyId));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Lists the tenant keys, oldest first: id, when created, when retired (never a secret); then the "
                            + "tenant context's mode and the valid keys.",
                    "",
                    ROLE,
                    "Exit status: 0 listed, 2 could not run."})
    static final class ListKeys extends DatabaseCommand {

        ListKeys(Console console) {
            super(console);
        }

        @Override
        Outcome run(Target target) {
            List<TenantKeys.Key> keys = TenantKeys.mode(target.dataSource()).keys();
            StringBuilder table = new StringBuilder();
            if (keys.isEmpty()) {
                table.append("No tenant keys.");
            } else {
                table.append(String.format(Locale.ROOT, "%-32s  %-20s  %s", "key id", "created", "retired"));
                for (TenantKeys.Key key : keys) {
                    table.append('\n').append(String.format(Locale.ROOT, "%-32s  %-20s  %s", key.id(), key.created(),
                            key.retired() == null ? "-" : key.retired()));
                }
            }
            ObjectNode json = Json.object();
            ArrayNode rows = json.putArray("keys");
            for (TenantKeys.Key key : keys) {
                ObjectNode row = rows.addObject().put("id", key.id()).put("created", key.created().toString());
                if (key.retired() == null) {
                    row.putNull("retired");
                } else {
                    row.put("retired", key.retired().toString());
                }
            }
            return outcome(target, table.toString(), json);
        }
    }

    @Command(name = "require-signed", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Requires signed tenant tokens from members of the application role (require_signed_tenants): "
                            + "app.user_id alone then gives them no tenant. Once every instance of the service signs. "
                            + "The database refuses without a valid key.",
                    "",
                    ROLE,
                    "Exit status: 0 required, 2 could not run or refused (no valid key)."})
    static final class RequireSigned extends DatabaseCommand {

        RequireSigned(Console console) {
            super(console);
        }

        @Override
        Outcome run(Target target) {
            TenantKeys.requireSigned(target.dataSource());
            return outcome(target, null, Json.object());
        }
    }

    @Command(name = "allow-unsigned", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            sortOptions = false, usageHelpAutoWidth = true,
            description = {
                    "Compatibility mode (allow_unsigned_tenants): members of the application role may set app.user_id "
                            + "unsigned again, as a release before signed tokens does; a token, when one is set, must "
                            + "still be valid. Only until every instance signs: any SQL run as the application role may "
                            + "then make itself any tenant again.",
                    "",
                    ROLE,
                    "Exit status: 0 allowed, 2 could not run."})
    static final class AllowUnsigned extends DatabaseCommand {

        AllowUnsigned(Console console) {
            super(console);
        }

        @Override
        Outcome run(Target target) {
            TenantKeys.allowUnsigned(target.dataSource());
            return outcome(target, null, Json.object());
        }
    }
}
