package io.invoicekit.persistence.health;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every check of one run of {@link DatabaseHealth}, in a fixed order.
 *
 * @param database which database, as {@code user@host/database} (never a password)
 * @param takenAt  when the report was taken
 * @param checks   the outcome of each check
 */
public record HealthReport(String database, Instant takenAt, List<Check> checks) {

    public HealthReport {
        requireNonNull(database, "database is null");
        requireNonNull(takenAt, "takenAt is null");
        checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }

    /** The check of that name. */
    public Optional<Check> check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst();
    }

    /** FAIL if any check failed, else WARN if any warned, else OK ({@code NOT_AVAILABLE} counts as OK). */
    public Status overall() {
        return checks.stream().map(Check::status)
                .filter(status -> status != Status.NOT_AVAILABLE)
                .max(Comparator.naturalOrder())
                .orElse(Status.OK);
    }

    /** The report as text: a line per check, its items indented below it. */
    public String format() {
        StringBuilder text = new StringBuilder("Health of " + database + " at " + takenAt + ": " + overall() + "\n");
        for (Check check : checks) {
            text.append("%-13s %-26s %s%n".formatted(check.status(), check.name(), check.detail()));
            check.items().forEach(item -> text.append("              - ").append(item).append('\n'));
        }
        return text.toString();
    }
}
