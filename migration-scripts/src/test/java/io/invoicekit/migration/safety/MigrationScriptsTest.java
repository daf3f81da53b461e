package io.invoicekit.migration.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.migration.safety.MigrationScripts.Script;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every migration script must have before it is released, checked without a database (an
 * applied script can never be edited, so this must fail before the first deploy):
 *
 * <ul>
 *   <li>a header: the script opens with a comment block whose first line names its version and
 *       description ({@code -- V5 due dates and payments: ...}) and which gives its
 *       {@code Purpose:}, the {@code Locks:} it takes, and how to {@code Undo:} it (naming its undo
 *       script, or saying {@code none});</li>
 *   <li>an undo script in {@code db/undo} of the same version and description, or a stated reason
 *       why it has none in {@code migrations-without-undo.properties}, never both; an undo script
 *       names what it undoes ({@code -- Undo of V5 due dates and payments: ...}) and its
 *       {@code Locks:};</li>
 *   <li>no undo script, and no reason, without its migration.</li>
 * </ul>
 *
 * <p>And the scripts on the classpath, which Flyway and the jOOQ code generation run, are exactly
 * the source directory's: a stale copy left in target/classes by a renamed or deleted script (the
 * resources plugin never deletes) would be run too. The build of this module empties
 * {@code target/classes/db} before copying the resources (see its pom); this proves it worked.
 * {@link UndoScriptsTest} runs every undo script and every refusal.
 */
class MigrationScriptsTest {

    private static final Path SOURCES = Path.of("src", "main", "resources");

    /** A header field: {@code -- Purpose: ...}, continued on lines indented past the field's name. */
    private static final Pattern FIELD = Pattern.compile("^-- ([A-Z][A-Za-z-]*):\\s*(.*)$");
    private static final List<String> MIGRATION_FIELDS = List.of("Purpose", "Locks", "Undo");
    private static final List<String> UNDO_FIELDS = List.of("Locks");

    @Test
    void every_migration_opens_with_its_version_description_purpose_locks_and_undo() {
        List<String> problems = new ArrayList<>();
        for (Script script : MigrationScripts.migrations().values()) {
            Header header = Header.of(script);
            String title = "V" + script.version() + " " + script.description().replace('_', ' ');
            if (!header.titleNames(script.version(), "V", script.description())) {
                problems.add(script.name() + ": the header's first line must be \"-- " + title
                        + ": what it does\", is \"" + header.firstLine() + "\"");
            }
            for (String field : MIGRATION_FIELDS) {
                if (!header.fields().containsKey(field)) {
                    problems.add(script.name() + ": the header has no \"-- " + field + ":\" (" + meaning(field) + ")");
                }
            }
        }
        assertThat(problems).as("migration scripts without the header every script opens with"
                + " (see V1__baseline.sql)").isEmpty();
    }

    @Test
    void every_undo_script_opens_with_what_it_undoes_and_its_locks() {
        List<String> problems = new ArrayList<>();
        for (Script script : MigrationScripts.undoScripts().values()) {
            Header header = Header.of(script);
            if (!header.titleNames(script.version(), "Undo of V", script.description())) {
                problems.add(script.name() + ": the header's first line must be \"-- Undo of V" + script.version() + " "
                        + script.description().replace('_', ' ') + ": what it does\", is \"" + header.firstLine() + "\"");
            }
            for (String field : UNDO_FIELDS) {
                if (!header.fields().containsKey(field)) {
                    problems.add(script.name() + ": the header has no \"-- " + field + ":\" (" + meaning(field) + ")");
                }
            }
        }
        assertThat(problems).as("undo scripts without their header (see U2__critical_indexes.sql)").isEmpty();
    }

    @Test
    void every_migration_has_an_undo_script_or_a_stated_reason_for_none() {
        NavigableMap<Integer, Script> undo = MigrationScripts.undoScripts();
        SortedMap<String, String> reasons = MigrationScripts.reasonsForNoUndo();
        List<String> problems = new ArrayList<>();
        for (Script migration : MigrationScripts.migrations().values()) {
            String expected = "U" + migration.version() + "__" + migration.description() + ".sql";
            boolean hasUndo = undo.containsKey(migration.version())
                    && undo.get(migration.version()).name().equals(expected);
            String reason = reasons.get(String.valueOf(migration.version()));
            String undoField = Header.of(migration).fields().getOrDefault("Undo", "");
            if (hasUndo && reason != null) {
                problems.add(migration.name() + ": has " + MigrationScripts.UNDO + "/" + expected + " and a reason for"
                        + " none in " + MigrationScripts.WITHOUT_UNDO + ": remove the reason");
            } else if (!hasUndo && (reason == null || reason.isBlank())) {
                problems.add(migration.name() + ": no undo script " + MigrationScripts.UNDO + "/" + expected
                        + " and no reason for none in " + MigrationScripts.WITHOUT_UNDO
                        + " (\"" + migration.version() + " = why it cannot or need not be undone\")");
            }
            if (hasUndo && !undoField.contains(MigrationScripts.UNDO + "/" + expected)) {
                problems.add(migration.name() + ": its header's \"-- Undo:\" does not name " + MigrationScripts.UNDO + "/"
                        + expected + ", was \"" + undoField + "\"");
            } else if (!hasUndo && !undoField.toLowerCase(Locale.ROOT).startsWith("none")) {
                problems.add(migration.name() + ": it has no undo script, and its header's \"-- Undo:\" does not say"
                        + " \"none ...\" and how to go back, was \"" + undoField + "\"");
            }
        }
        assertThat(problems).as("migrations whose undo is not accounted for").isEmpty();
    }

    @Test
    void every_undo_script_and_every_reason_for_none_belongs_to_a_migration() {
        NavigableMap<Integer, Script> migrations = MigrationScripts.migrations();
        List<String> problems = new ArrayList<>();
        for (Script undo : MigrationScripts.undoScripts().values()) {
            Script migration = migrations.get(undo.version());
            if (migration == null || !migration.description().equals(undo.description())) {
                problems.add(MigrationScripts.UNDO + "/" + undo.name() + ": no migration " + MigrationScripts.MIGRATIONS
                        + "/V" + undo.version() + "__" + undo.description() + ".sql"
                        + (migration == null ? "" : " (V" + undo.version() + " is " + migration.name() + ")"));
            }
        }
        for (String version : MigrationScripts.reasonsForNoUndo().keySet()) {
            if (!version.matches("[1-9][0-9]*") || !migrations.containsKey(Integer.parseInt(version))) {
                problems.add(MigrationScripts.WITHOUT_UNDO + ": a reason for version \"" + version
                        + "\", which is no migration in " + MigrationScripts.MIGRATIONS);
            }
        }
        assertThat(problems).as("undo scripts and reasons without their migration").isEmpty();
    }

    @Test
    void the_scripts_on_the_classpath_are_exactly_the_source_directorys() {
        for (String location : List.of(MigrationScripts.MIGRATIONS, MigrationScripts.UNDO)) {
            SortedMap<String, byte[]> sources = MigrationScripts.filesIn(SOURCES.resolve(location));
            SortedMap<String, byte[]> classpath = MigrationScripts.filesOnClasspath(location);
            assertThat(sources).as("%s in %s", location, SOURCES.toAbsolutePath()).isNotEmpty();

            TreeSet<String> stale = new TreeSet<>(classpath.keySet());
            stale.removeAll(sources.keySet());
            TreeSet<String> missing = new TreeSet<>(sources.keySet());
            missing.removeAll(classpath.keySet());
            List<String> differing = sources.keySet().stream().filter(classpath::containsKey)
                    .filter(name -> !Arrays.equals(sources.get(name), classpath.get(name))).toList();

            assertThat(stale).as("%s on the classpath but not in the sources (a stale copy of a renamed or deleted"
                    + " script: the build must empty target/classes/db first)", location).isEmpty();
            assertThat(missing).as("%s in the sources but not on the classpath", location).isEmpty();
            assertThat(differing).as("%s on the classpath differing from the sources", location).isEmpty();
        }
    }

    private static String meaning(String field) {
        return switch (field) {
            case "Purpose" -> "what it is for and what it changes";
            case "Locks" -> "the locks it takes, and for how long";
            case "Undo" -> "how to undo it: its undo script, or none and how to go back";
            default -> field;
        };
    }

    /**
     * The comment block a script opens with: its first line, and each {@code -- Field:} with its
     * text (continuation lines joined).
     */
    private record Header(String firstLine, Map<String, String> fields) {

        static Header of(Script script) {
            List<String> lines = script.text().lines().takeWhile(line -> line.startsWith("--")).toList();
            Map<String, String> fields = new LinkedHashMap<>();
            String current = null;
            for (String line : lines) {
                Matcher field = FIELD.matcher(line);
                if (field.matches()) {
                    current = field.group(1);
                    fields.put(current, field.group(2).strip());
                } else if (current != null && line.startsWith("--  ")) {
                    fields.merge(current, line.substring(2).strip(), (text, more) -> text + " " + more);
                } else {
                    current = null;
                }
            }
            return new Header(lines.isEmpty() ? "" : lines.getFirst(), fields);
        }

        /**
         * Whether the first line is {@code -- <prefix><version> <description>...}, the description
         * as in the file name (underscores as spaces; commas, hyphens and the like ignored).
         */
        boolean titleNames(int version, String prefix, String description) {
            String start = "-- " + prefix + version + " ";
            return firstLine.startsWith(start) && letters(firstLine.substring(start.length())).startsWith(letters(description));
        }

        private static String letters(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }
}
