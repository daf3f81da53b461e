package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code invoicekit undo <version>}: undoes the latest applied migration with its undo script. */
@Command(name = "undo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Undoes the latest applied migration with its script in db/undo and removes it from the history: the "
                        + "schema is then the previous version's, and migrate would apply the version again. Only the "
                        + "latest version can be undone, and only one with an undo script (V1, V8 and V9 have none). "
                        + "It drops what the migration added, with its data: take a backup first.",
                "",
                "Role: the schema owner.",
                "Exit status: 0 undone, 2 could not run or refused (not the latest version, no undo script)."})
final class UndoCommand extends DatabaseCommand {

    @Parameters(paramLabel = "<version>", description = "The latest applied version, e.g. 14.")
    String version;

    @Mixin
    MigrationOptions timeouts;

    UndoCommand(Console console) {
        super(console);
    }

    @Override
    Outcome run(Target on) {
        Migration migration = new Migration(on.applicationRole(), timeouts.lockTimeout, timeouts.statementTimeout, null);
        console.progress("undoing version " + version + " as " + on.login().user() + " ...");
        try {
            migration.on(on.dataSource()).undo(version);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            throw new CannotRun(refused.getMessage(), refused);
        }
        DatabaseFacts facts = DatabaseFacts.of(on);
        String text = "Database: " + facts.describe() + "\nUndid version " + version + "; schema version now "
                + facts.schemaVersion() + "\n";
        ObjectNode json = Json.object();
        json.set("database", facts.json());
        json.put("undone", version);
        json.put("schemaVersion", facts.schemaVersion());
        return new Outcome(Verdict.PASS, text, json);
    }
}
