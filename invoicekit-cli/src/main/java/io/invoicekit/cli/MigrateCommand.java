package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code invoicekit migrate}: applies the pending migrations, as the schema owner. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Applies every pending migration (up to --target) and prints the versions applied; on an up-to-date "
                        + "database it applies nothing. Safe on a live database: index builds are CONCURRENTLY, "
                        + "constraints are validated separately, statements give up after --lock-timeout.",
                "",
                "Role: the schema owner (the role that owns, or is to own, the schema's objects), never the application "
                        + "role. It creates the application role if missing, which needs CREATEROLE; else create it "
                        + "first. V11 and V12 need a role that bypasses row-level security once tenants exist.",
                "Exit status: 0 migrated (or nothing to do), 2 could not run (a failed migration included: repair, "
                        + "then migrate again, see the README)."})
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "<version>",
            description = "Migrate up to and including this version only (deploy one step at a time). Default: the latest.")
    String target;

    @Mixin
    MigrationOptions timeouts;

    MigrateCommand(Console console) {
        super(console);
    }

    @Override
    boolean migrateEmbedded() {
        return false;
    }

    @Override
    Outcome run(Target on) {
        Migration migration = new Migration(on.applicationRole(), timeouts.lockTimeout, timeouts.statementTimeout, target);
        List<String> applied;
        try {
            applied = migration.migrate(on.dataSource(), on.login().user(), console);
        } catch (IllegalArgumentException badSetting) {
            throw new CannotRun(badSetting.getMessage(), badSetting);
        } catch (RuntimeException failed) {
            throw new CannotRun("the migration failed: " + CannotRun.oneLine(failed)
                    + " (after fixing the cause: repair, then migrate again)", failed);
        }
        DatabaseFacts facts = DatabaseFacts.of(on);
        String text = "Database: " + facts.describe() + "\n"
                + (applied.isEmpty() ? "Nothing to apply: schema version " + facts.schemaVersion()
                        : "Applied " + applied.size() + ": " + String.join(", ", applied) + "; schema version now "
                        + facts.schemaVersion()) + facts.pendingText() + "\n";
        ObjectNode json = Json.object();
        json.set("database", facts.json());
        json.set("applied", Json.MAPPER.valueToTree(applied));
        json.put("schemaVersion", facts.schemaVersion());
        return new Outcome(Verdict.PASS, text, json);
    }
}
