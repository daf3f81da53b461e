package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;

/** {@code invoicekit <step>}: one {@link Step} on its own; its name, description and options are the step's. */
@Command(mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true)
final class StepCommand extends DatabaseCommand {

    private final Step step;

    StepCommand(Step step, Console console) {
        super(console);
        this.step = step;
    }

    @Override
    Outcome run(Target target) {
        DatabaseFacts facts = DatabaseFacts.of(target);
        StepResult result = step.run(target, console);
        String text = "Database: " + facts.describe() + "\n" + result.text()
                + step.name() + ": " + result.verdict() + ", " + result.counts() + "\n";
        ObjectNode json = Json.object();
        json.set("database", facts.json());
        json.put("counts", result.counts());
        json.setAll(result.json());
        return new Outcome(result.verdict(), text, json);
    }
}
