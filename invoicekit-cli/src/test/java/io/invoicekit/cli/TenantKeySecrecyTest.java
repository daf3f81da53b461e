package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.ConnectionSettings;
import io.invoicekit.testing.EmbeddedServer;
import io.invoicekit.testing.EmbeddedServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenant-keys create} keeps the secret out of everything the server records of statements:
 * on a server that logs every statement with its parameters in full (log_statement=all,
 * log_min_duration_statement=0, log_parameter_max_length=-1) and tracks every statement, nested
 * ones included, in pg_stat_statements (track=all), while another session, a superuser, watches
 * pg_stat_activity. The create is held in flight by a lock on tenant_keys until that session has
 * seen it (its secret already made, its INSERT waiting), so the watch is not left to timing. And the
 * same search finds a key installed the naive way, its secret a literal in the statement's text:
 * the test can fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantKeySecrecyTest {

    private static final String OWNER = "secrecy_owner";
    private static final String OWNER_PASSWORD = "secrecy-owner-" + UUID.randomUUID();
    private static final String DATABASE = "secrecy";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path directory;
    private Path logs;
    private EmbeddedServer server;
    private ConnectionSettings superuser;
    private String url;

    @BeforeAll
    void a_server_that_records_every_statement() throws Exception {
        logs = Files.createDirectory(directory.resolve("log"));
        server = EmbeddedServers.start(Map.of(
                "logging_collector", "on",
                "log_directory", logs.toString(),
                "log_filename", "postgresql.log",
                "log_statement", "all",
                "log_min_duration_statement", "0",
                "log_parameter_max_length", "-1",
                "log_parameter_max_length_on_error", "-1",
                "shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track", "all"));
        try (Connection connection = server.superuser().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD
                    + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            statement.execute("CREATE ROLE invoice_app NOLOGIN");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
        superuser = server.superuser().toDatabase(DATABASE);
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
            assertThat(text(statement, "show pg_stat_statements.track")).isEqualTo("all");
            assertThat(text(statement, "show log_statement")).isEqualTo("all");
        }
        url = superuser.jdbcUrl();
        // Migrated as the tool migrates.
        Cli.Run migrate = Cli.run(Map.of(DatabaseOptions.PASSWORD, OWNER_PASSWORD), "migrate", "--url", url,
                "--user", OWNER);
        assertThat(migrate.status()).as(migrate.toString()).isZero();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void create_leaves_the_secret_in_no_log_no_statistics_and_no_other_sessions_view() throws Exception {
        Path keyFile = directory.resolve("k-secret.key");
        Set<String> watched = new LinkedHashSet<>();
        boolean seenInFlight = false;
        int polls = 0;
        Cli.Run run;
        try (Connection lock = superuser.connect(); Connection watcher = watcher()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // INSERT's ROW EXCLUSIVE waits for SHARE: create_tenant_key, its secret made, waits here.
                statement.execute("lock table public.tenant_keys in share mode");
            }
            CompletableFuture<Cli.Run> create = CompletableFuture.supplyAsync(() -> Cli.run(
                    Map.of(DatabaseOptions.PASSWORD, OWNER_PASSWORD), "tenant-keys", "create", "k-secret",
                    "--out", keyFile.toString(), "--url", url, "--user", OWNER));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            boolean locked = true;
            while (!create.isDone()) {
                assertThat(System.nanoTime()).as("tenant-keys create did not end within " + WITHIN).isLessThan(deadline);
                for (Activity activity : activity(watcher)) {
                    watched.add(activity.query());
                    if (activity.query().contains("create_tenant_key") && "Lock".equals(activity.waitEventType())) {
                        seenInFlight = true;
                    }
                }
                polls++;
                if (seenInFlight && locked) {
                    lock.rollback();
                    locked = false;
                }
            }
            run = create.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            watched.addAll(activity(watcher).stream().map(Activity::query).toList());
        }

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(seenInFlight).as("the watching session saw create_tenant_key waiting, in " + polls + " polls: "
                + watched).isTrue();
        String key = Files.readString(keyFile).strip();
        assertThat(key).startsWith("k-secret:");
        String secret = key.substring("k-secret:".length());
        assertThat(secret).hasSize(128);
        // The log has the call (with its parameter, the key id): logging is on, and the search would see it.
        String log = awaitLog(text -> text.contains("create_tenant_key"));
        assertThat(log).contains("$1 = 'k-secret'");
        List<String> statistics = statementStatistics();
        assertThat(statistics).anyMatch(query -> query.contains("create_tenant_key"))
                // track=all: the INSERT inside create_tenant_key is there too, with its variables, not their values.
                .anyMatch(query -> query.toLowerCase(Locale.ROOT).contains("insert into public.tenant_keys"));

        assertThat(places(secret, log, statistics, watched)).as("where the secret was found").isEmpty();
        assertThat(forms(secret)).noneSatisfy(form -> assertThat(run.out() + run.err()).containsIgnoringCase(form));
        System.out.printf("tenant-keys create: %d polls of pg_stat_activity (%d distinct queries), a log of %d kB, %d "
                + "statements in pg_stat_statements: no secret%n", polls, watched.size(), log.length() / 1024, statistics.size());
    }

    @Test
    void a_key_installed_the_naive_way_shows_its_secret_so_the_search_can_fail() throws Exception {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        Set<String> watched = new LinkedHashSet<>();
        try (Connection owner = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
             Statement statement = owner.createStatement(); Connection watcher = watcher()) {
            statement.execute("insert into tenant_keys values ('naive', decode('" + secret + "', 'hex'))");
            // Idle now, the session still shows its last statement.
            activity(watcher).forEach(activity -> watched.add(activity.query()));
        }
        String log = awaitLog(text -> text.contains(secret));

        assertThat(places(secret, log, statementStatistics(), watched))
                .as("where the naively installed secret was found")
                // pg_stat_statements is not among them: it keeps a statement with its constants replaced by $n.
                .contains("the server log", "pg_stat_activity");
    }

    /** Where any form of the secret appears: the server log, pg_stat_statements, the watched pg_stat_activity. */
    private static Set<String> places(String secret, String log, List<String> statistics, Set<String> watched) {
        Map<String, String> places = new LinkedHashMap<>();
        places.put("the server log", log);
        places.put("pg_stat_statements", String.join("\n", statistics));
        places.put("pg_stat_activity", String.join("\n", watched));
        Set<String> found = new LinkedHashSet<>();
        places.forEach((place, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (forms(secret).stream().anyMatch(form -> lower.contains(form.toLowerCase(Locale.ROOT)))) {
                found.add(place);
            }
        });
        return found;
    }

    /**
     * The secret as text could show it: hex (either case), bytea's hex output ({@code \x...}), its
     * escape output ({@code \ooo} for bytes that are not printable), base64 (as encode() writes it, in
     * lines of 76), and each of its four 16-byte parts in hex and as the UUID it was made from.
     */
    static List<String> forms(String secretHex) {
        byte[] bytes = HexFormat.of().parseHex(secretHex);
        List<String> forms = new ArrayList<>(List.of(secretHex, "\\x" + secretHex, escape(bytes)));
        String base64 = Base64.getEncoder().encodeToString(bytes);
        forms.add(base64);
        for (int start = 0; start < base64.length(); start += 76) {
            forms.add(base64.substring(start, Math.min(base64.length(), start + 76)));
        }
        for (int part = 0; part < bytes.length / 16; part++) {
            String hex = secretHex.substring(part * 32, part * 32 + 32);
            forms.add(hex);
            forms.add(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        }
        return forms;
    }

    /** bytea's escape output: printable ASCII as it is, a backslash doubled, any other byte as \ooo. */
    private static String escape(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int value = b & 0xff;
            if (value == '\\') {
                text.append("\\\\");
            } else if (value >= 0x20 && value <= 0x7e) {
                text.append((char) value);
            } else {
                text.append(String.format(Locale.ROOT, "\\%03o", value));
            }
        }
        return text.toString();
    }

    private record Activity(String query, String waitEventType) {
    }

    /** A superuser session that sees every session's query, and whose own polling stays out of the log. */
    private Connection watcher() throws SQLException {
        Connection connection = superuser.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set log_statement = 'none'");
            statement.execute("set log_min_duration_statement = -1");
            statement.execute("set pg_stat_statements.track = 'none'");
        }
        return connection;
    }

    private static List<Activity> activity(Connection watcher) throws SQLException {
        List<Activity> rows = new ArrayList<>();
        try (Statement statement = watcher.createStatement(); ResultSet result = statement.executeQuery(
                "select query, wait_event_type from pg_stat_activity where pid <> pg_backend_pid() and query <> ''")) {
            while (result.next()) {
                rows.add(new Activity(result.getString(1), result.getString(2)));
            }
        }
        return rows;
    }

    private List<String> statementStatistics() throws SQLException {
        List<String> queries = new ArrayList<>();
        try (Connection connection = watcher(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select query from pg_stat_statements")) {
            while (result.next()) {
                queries.add(result.getString(1));
            }
        }
        return queries;
    }

    /** The server's log files, read until they show what {@code until} waits for (the collector writes them asynchronously). */
    private String awaitLog(Predicate<String> until) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log;
        do {
            StringBuilder text = new StringBuilder();
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.sorted().toList()) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
            log = text.toString();
            if (until.test(log)) {
                return log;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the server log in " + logs + " never showed what the test waits for ("
                + log.length() + " characters; is logging on?)");
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
