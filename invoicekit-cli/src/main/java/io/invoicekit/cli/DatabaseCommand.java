package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs on a database: opens it (by URL, or an embedded one), runs, prints the
 * outcome as text or as one JSON document, and turns what could not run into exit status 2 with
 * one line on stderr.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    final Console console;

    /** When the command started ({@link System#nanoTime()}), before the database was opened. */
    long startedNanos;

    DatabaseCommand(Console console) {
        this.console = console;
    }

    /** Whether an embedded database is migrated before {@link #run} (not for migrate, which does it itself). */
    boolean migrateEmbedded() {
        return true;
    }

    /** Runs on the database; a {@link CannotRun} (or any other exception) means exit status 2. */
    abstract Outcome run(Target target);

    @Override
    public final Integer call() {
        startedNanos = System.nanoTime();
        String name = spec.qualifiedName(" ");
        // In the JSON: migrate, check, tenant-keys create (the root's name left out).
        String command = name.substring(spec.root().name().length()).strip();
        try (Target target = database.open(console, migrateEmbedded())) {
            Outcome outcome = run(target);
            if (database.json) {
                ObjectNode document = Json.object().put("command", command).put("verdict", outcome.verdict().name());
                document.setAll(outcome.json());
                console.out().println(Json.write(document));
            } else {
                console.out().print(outcome.text());
            }
            console.out().flush();
            return outcome.verdict().exitStatus();
        } catch (RuntimeException e) {
            String message = e instanceof CannotRun ? e.getMessage()
                    : "could not run: " + e.getClass().getSimpleName() + ": " + CannotRun.oneLine(e);
            console.err().println(name + ": " + message);
            if (database.json) {
                console.out().println(Json.write(Json.object().put("command", command)
                        .put("verdict", Verdict.ERROR.name()).put("error", message)));
            }
            return Verdict.ERROR.exitStatus();
        }
    }
}
