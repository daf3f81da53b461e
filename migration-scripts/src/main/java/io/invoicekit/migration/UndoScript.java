package io.invoicekit.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The undo script of one migration: {@code db/undo/U<n>__<description>.sql} beside
 * {@code db/migration/V<n>__<description>.sql}, with the same {@code ${placeholders}}. Its
 * statements run one by one with autocommit, as Flyway runs a non-transactional migration, so
 * that {@code DROP INDEX CONCURRENTLY} works; each is written to be run again.
 *
 * <p>Splitting knows single-quoted strings, quoted identifiers, dollar quoting and both comment
 * forms; that is all our scripts use. It is not a general SQL parser (no psql meta-commands).
 */
record UndoScript(String name, List<String> statements) {

    static final String LOCATION = "db/undo";
    private static final String SESSION_SETTINGS = "db/migration/afterConnect.sql";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$[A-Za-z_]*\\$");

    UndoScript {
        statements = List.copyOf(statements);
    }

    /**
     * The undo script of the migration script {@code V<n>__<description>.sql}.
     *
     * @throws IllegalArgumentException when the migration has no undo script
     */
    static UndoScript forMigration(String migrationScript, Map<String, String> placeholders) {
        String name = LOCATION + "/U" + migrationScript.substring(1);
        String undo = read(name, placeholders).orElseThrow(() -> new IllegalArgumentException(
                "no undo script " + name + ": " + migrationScript
                        + " is not reversible; its header says how to go back (restore the backup)"));
        // The same session settings (lock and statement timeouts) as every migration connection.
        String sessionSettings = read(SESSION_SETTINGS, placeholders).orElseThrow(
                () -> new IllegalStateException(SESSION_SETTINGS + " is missing from the classpath"));
        List<String> statements = new ArrayList<>(split(sessionSettings));
        statements.addAll(split(undo));
        return new UndoScript(name, statements);
    }

    private static Optional<String> read(String resource, Map<String, String> placeholders) {
        try (InputStream in = UndoScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(substitute(new String(in.readAllBytes(), StandardCharsets.UTF_8), placeholders, resource));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Runs the statements, after the migrations' lock and statement timeouts, then removes {@code version} from
     * Flyway's history table. Stops at the first failing statement, leaving the history as it
     * was: fix the cause and run it again.
     */
    void applyTo(DataSource dataSource, String historyTable, String version) {
        String current = "";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                current = sql;
                statement.execute(sql);
            }
            current = "removing version " + version + " from " + historyTable;
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM \"" + historyTable.replace("\"", "\"\"") + "\" WHERE version = ?")) {
                forget.setString(1, version);
                forget.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(name + " failed at: " + firstLine(current) + ": " + e.getMessage(), e);
        }
    }

    private static String substitute(String text, Map<String, String> placeholders, String name) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = placeholders.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + " uses the placeholder ${" + matcher.group(1)
                        + "}, which is not one of " + placeholders.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** Statements separated by semicolons outside strings, identifiers, dollar quotes and comments. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = skipQuotedOrComment(text, i);
            if (end > i) {
                if (!text.startsWith("--", i) && !text.startsWith("/*", i)) {
                    current.append(text, i, end);
                }
                i = end;
            } else if (text.charAt(i) == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(text.charAt(i++));
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    /** The index after the string, identifier, dollar quote or comment starting at {@code i}, else {@code i}. */
    private static int skipQuotedOrComment(String text, int i) {
        if (text.startsWith("--", i)) {
            int newline = text.indexOf('\n', i);
            return newline < 0 ? text.length() : newline;
        }
        if (text.startsWith("/*", i)) {
            return closing(text, "*/", i + 2);
        }
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2; // a doubled quote stands for itself
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            throw new IllegalArgumentException("unterminated " + c + " quote at offset " + i);
        }
        if (c == '$') {
            Matcher tag = DOLLAR_TAG.matcher(text).region(i, text.length());
            if (tag.lookingAt()) {
                return closing(text, tag.group(), tag.end());
            }
        }
        return i;
    }

    private static int closing(String text, String terminator, int from) {
        int at = text.indexOf(terminator, from);
        if (at < 0) {
            throw new IllegalArgumentException("unterminated " + terminator + " opened before offset " + from);
        }
        return at + terminator.length();
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
