package io.invoicekit.benchmarks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of the report run:
 * {@code [--scale smoke|small|large] [--db jdbc:postgresql://... --user ... --password ...]
 * [--results DIR] [--seed N]}.
 *
 * @param database a given database instead of the embedded one: empty or migrated by the run,
 *                 dedicated to the benchmarks (they fill it with generated data), as a superuser
 */
record RunOptions(Scale scale, Optional<GivenDatabase> database, Path results, long seed) {

    static final String USAGE = """
            usage: run.sh [--scale smoke|small|large] [--db jdbc:postgresql://host:port/db --user U --password P]
                          [--results DIR] [--seed N]
              --scale     smoke (seconds), small (100 tenants, 100,000 invoices; default), large (1,000 / 1,000,000)
              --db        a dedicated database to fill instead of an embedded PostgreSQL; --user must be a superuser
              --results   where the report goes (default benchmarks/results)
              --seed      the data generator's seed (default 20251027)""";

    /** A database given on the command line. */
    record GivenDatabase(String url, String user, String password) {
    }

    static RunOptions parse(String... args) {
        Scale scale = Scale.SMALL;
        String url = null;
        String user = "postgres";
        String password = "";
        Path results = Path.of("benchmarks", "results");
        long seed = 20251027L;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--scale" -> scale = Scale.parse(value);
                case "--db" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--results" -> results = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql:// URL, was " + url);
        }
        Optional<GivenDatabase> database = url == null ? Optional.empty()
                : Optional.of(new GivenDatabase(url, user, password));
        return new RunOptions(scale, database, results, seed);
    }
}
