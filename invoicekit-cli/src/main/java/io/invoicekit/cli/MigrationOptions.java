package io.invoicekit.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The timeouts of migrate and undo; not given, InvoiceMigrations' defaults apply (5s, 1h). */
final class MigrationOptions {

    @Option(names = "--lock-timeout", paramLabel = "<duration>", converter = Durations.class,
            description = "How long a statement waits for a lock before the migration fails rather than queue "
                    + "traffic behind it (500ms, 5s, 1m, PT5S). Default: 5s.")
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "<duration>", converter = Durations.class,
            description = "How long one statement may run before PostgreSQL cancels it. Default: 1h.")
    Duration statementTimeout;
}
