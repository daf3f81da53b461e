package io.invoicekit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code invoicekit check}: every {@link Step} of {@link Steps#all()} in one run, then a summary
 * to paste into a change ticket. A step that cannot run is that part's ERROR; the others still run.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "The main job: the RLS audit, the isolation probe and the health report in one run, each part's full "
                        + "report, then a short summary for a change ticket: database, "
                        + "server version, schema version, each part's verdict and counts, the overall verdict, the time "
                        + "taken. Without --url it runs on an embedded PostgreSQL, migrated as a plain owner.",
                "",
                "Role: the schema owner or a monitoring role, as for health (the audit runs as any role); the "
                        + "cross-tenant health checks need BYPASSRLS and otherwise report NOT_AVAILABLE without failing. "
                        + "The probe runs as --app-user, with the service's tenant key (--tenant-key-file, or "
                        + "INVOICEKIT_TENANT_KEY_FILE / INVOICEKIT_TENANT_KEY) where the database requires signed tokens.",
                "Exit status: 0 every part passed (warnings included), 1 a part found something, 2 a part could not run."})
final class CheckCommand extends DatabaseCommand {

    private final List<Step> steps;

    CheckCommand(List<Step> steps, Console console) {
        super(console);
        this.steps = List.copyOf(steps);
    }

    private record Part(String name, StepResult result, long nanos) {
    }

    @Override
    Outcome run(Target target) {
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long openedNanos = System.nanoTime();
        DatabaseFacts facts = DatabaseFacts.of(target);
        List<Part> parts = new ArrayList<>();
        Verdict overall = Verdict.PASS;
        for (Step step : steps) {
            long started = System.nanoTime();
            StepResult result;
            try {
                result = step.run(target, console);
            } catch (RuntimeException e) {
                String message = e instanceof CannotRun ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + CannotRun.oneLine(e);
                console.err().println(spec.qualifiedName(" ") + ": " + step.name() + " could not run: " + message);
                result = new StepResult(Verdict.ERROR, "could not run: " + message,
                        step.name() + " could not run: " + message + "\n", Json.object().put("error", message));
            }
            parts.add(new Part(step.name(), result, System.nanoTime() - started));
            overall = overall.and(result.verdict());
        }
        long total = System.nanoTime() - startedNanos;
        long setUp = openedNanos - startedNanos;

        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append("== ").append(part.name()).append(": ").append(part.result().verdict()).append('\n')
                    .append(part.result().text()).append('\n');
        }
        text.append("invoicekit check: ").append(overall).append('\n');
        row(text, "database", facts.user() + " at " + facts.url()
                + (facts.embedded() == null ? "" : " (embedded " + facts.embedded() + ", throwaway)"));
        row(text, "server", facts.server());
        row(text, "schema version", facts.schemaVersion() + (facts.pending() < 0 ? ""
                : facts.pending() == 0 ? " (none pending)" : " (" + facts.pending() + " pending)"));
        for (Part part : parts) {
            row(text, part.name(), "%-6s %s (%s)".formatted(part.result().verdict(), part.result().counts(),
                    Durations.seconds(part.nanos())));
        }
        row(text, "verdict", overall.name());
        row(text, "taken", takenAt + ", " + Durations.seconds(total) + " in all"
                + (target.embedded() ? " (" + Durations.seconds(setUp) + " starting and migrating the embedded server)" : ""));

        ObjectNode json = Json.object();
        json.set("database", facts.json());
        ArrayNode jsonParts = json.putArray("parts");
        for (Part part : parts) {
            ObjectNode node = jsonParts.addObject().put("name", part.name()).put("verdict", part.result().verdict().name())
                    .put("counts", part.result().counts()).put("seconds", part.nanos() / 1e9);
            node.set("report", part.result().json());
        }
        json.put("takenAt", takenAt.toString());
        json.put("seconds", total / 1e9);
        return new Outcome(overall, text.toString(), json);
    }

    private static void row(StringBuilder text, String name, String value) {
        text.append(String.format(Locale.ROOT, "  %-15s %s%n", name, value));
    }
}
