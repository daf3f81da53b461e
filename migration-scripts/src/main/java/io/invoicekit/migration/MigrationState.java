package io.invoicekit.migration;

import java.time.Instant;

/**
 * One migration as the database and the classpath know it.
 *
 * @param version     the version, or null for a repeatable migration
 * @param state       Flyway's name for the state: Success, Pending, Failed, Future, ...
 * @param installedOn when it was applied, or null while pending
 */
public record MigrationState(
        String version, String description, String state, boolean applied, boolean failed, Instant installedOn) {
}
