package io.invoicekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the report run:
 * {@code [--scale smoke|small|large] [--db jdbc:postgresql://... --user ... [--password-file FILE]]
 * [--results DIR] [--seed N]}, the given database's password from {@value #PASSWORD_VARIABLE} or
 * the file, never from the command line.
 *
 * @param database a given database instead of the embedded one: empty or migrated by the run,
 *                 dedicated to the benchmarks (they fill it with generated data), as a superuser
 */
record RunOptions(Scale scale, Optional<GivenDatabase> database, Path results, long seed) {

    /** Where the given database's password comes from, unless {@code --password-file} names a file. */
    static final String PASSWORD_VARIABLE = "INVOICEKIT_BENCH_PASSWORD";

    static final String USAGE = """
            usage: run.sh [--scale smoke|small|large] [--db jdbc:postgresql://host:port/db --user U [--password-file F]]
                          [--results DIR] [--seed N]
              --scale          smoke (what CI runs), small (100 tenants, 100,000 invoices; default), large (1,000 / 1,000,000)
              --db             a dedicated database to fill instead of an embedded PostgreSQL; --user must be a superuser
              --password-file  a file holding --user's password (mode 0600; a trailing newline is ignored); without it,
                               the password is the environment variable %s (none if unset)
              --results        where the report goes (default benchmarks/results)
              --seed           the data generator's seed (default 20251027)""".formatted(PASSWORD_VARIABLE);

    /** A database given on the command line. */
    record GivenDatabase(String url, String user, String password) {

        @Override
        public String toString() {
            return user + " at " + url; // never the password
        }
    }

    /**
     * @param environment where {@value #PASSWORD_VARIABLE} is looked up (the process's, in {@link Main})
     * @throws IllegalArgumentException with the message to print, for bad usage and for {@code --password}
     */
    static RunOptions parse(Map<String, String> environment, String... args) {
        Scale scale = Scale.SMALL;
        String url = null;
        String user = "postgres";
        Path passwordFile = null;
        Path results = Path.of("benchmarks", "results");
        long seed = 20251027L;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (option.equals("--password") || option.startsWith("--password=")) {
                throw new IllegalArgumentException("--password is refused: a command line is visible to every user of "
                        + "the machine (ps). Set the environment variable " + PASSWORD_VARIABLE + ", or give "
                        + "--password-file <file> (mode 0600)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--scale" -> scale = Scale.parse(value);
                case "--db" -> url = value;
                case "--user" -> user = value;
                case "--password-file" -> passwordFile = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (url == null) {
            if (passwordFile != null) {
                throw new IllegalArgumentException("--password-file goes with --db: the embedded database makes up "
                        + "passwords of its own");
            }
            return new RunOptions(scale, Optional.empty(), results, seed);
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql:// URL, was " + url);
        }
        return new RunOptions(scale, Optional.of(new GivenDatabase(url, user, password(passwordFile, environment))),
                results, seed);
    }

    private static String password(Path file, Map<String, String> environment) {
        if (file == null) {
            return environment.getOrDefault(PASSWORD_VARIABLE, "");
        }
        try {
            return Files.readString(file).replaceFirst("\\R+\\z", "");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --password-file " + file + ": " + e.getMessage(), e);
        }
    }
}
