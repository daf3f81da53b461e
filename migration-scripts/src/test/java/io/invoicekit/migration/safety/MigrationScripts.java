package io.invoicekit.migration.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration and undo scripts as Flyway finds them (on the classpath, {@code db/migration} and
 * {@code db/undo}), and the stated reasons why a migration has no undo script
 * ({@code migrations-without-undo.properties}): the one source of which versions exist, which is
 * the latest, which one came before another, and which can be undone. Tests derive their versions
 * from here instead of naming them, so that a new migration never makes them look wrong.
 * ({@link MigrationScriptsTest} checks that the classpath holds exactly the source directory's
 * scripts.)
 */
final class MigrationScripts {

    static final String MIGRATIONS = "db/migration";
    static final String UNDO = "db/undo";
    static final String WITHOUT_UNDO = "migrations-without-undo.properties";

    /** A versioned migration's file name: {@code V<version>__<description>.sql}. */
    static final Pattern MIGRATION = Pattern.compile("V([1-9][0-9]*)__(\\w+)\\.sql");
    /** An undo script's file name: {@code U<version>__<description>.sql}. */
    static final Pattern UNDO_SCRIPT = Pattern.compile("U([1-9][0-9]*)__(\\w+)\\.sql");

    private MigrationScripts() {
    }

    /** One script: its version, its description (from the file name), its file name and its text. */
    record Script(int version, String description, String name, String text) {
    }

    /** Every versioned migration on the classpath, by version. */
    static NavigableMap<Integer, Script> migrations() {
        return scripts(MIGRATIONS, MIGRATION);
    }

    /** Every undo script on the classpath, by version. */
    static NavigableMap<Integer, Script> undoScripts() {
        return scripts(UNDO, UNDO_SCRIPT);
    }

    /** Every migration version, ascending. */
    static List<Integer> versions() {
        return List.copyOf(migrations().keySet());
    }

    /** The newest migration's version. */
    static int latest() {
        return migrations().lastKey();
    }

    /** The version before {@code version} (the one its undo goes back to). */
    static int previous(int version) {
        Integer previous = migrations().lowerKey(version);
        if (previous == null) {
            throw new IllegalArgumentException("no migration comes before V" + version);
        }
        return previous;
    }

    /** Every version but the latest: the ones a database can be upgraded from. */
    static List<Integer> versionsBeforeTheLatest() {
        return List.copyOf(migrations().headMap(latest(), false).keySet());
    }

    /** The versions that have an undo script, ascending. */
    static List<Integer> versionsWithUndo() {
        return migrations().keySet().stream().filter(undoScripts()::containsKey).toList();
    }

    /** The versions that have no undo script, ascending. */
    static List<Integer> versionsWithoutUndo() {
        return migrations().keySet().stream().filter(version -> !undoScripts().containsKey(version)).toList();
    }

    /** The stated reason why a version has no undo script, by version, as the test resource gives them. */
    static SortedMap<String, String> reasonsForNoUndo() {
        Properties reasons = new Properties();
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(WITHOUT_UNDO)) {
            if (in == null) {
                throw new IllegalStateException(WITHOUT_UNDO + " is missing from the test classpath");
            }
            reasons.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WITHOUT_UNDO, e);
        }
        SortedMap<String, String> byVersion = new TreeMap<>();
        reasons.stringPropertyNames().forEach(version -> byVersion.put(version, reasons.getProperty(version).strip()));
        return byVersion;
    }

    /**
     * Every file under {@code location} on the classpath, by file name, with its bytes. A name
     * that two classpath entries both hold is refused: Flyway would see both.
     */
    static SortedMap<String, byte[]> filesOnClasspath(String location) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, URL> from = new TreeMap<>();
        try {
            for (URL root : Collections.list(MigrationScripts.class.getClassLoader().getResources(location))) {
                forEachFile(root, (name, bytes) -> {
                    URL other = from.put(name, root);
                    if (other != null) {
                        throw new IllegalStateException(location + "/" + name + " is on the classpath twice: in "
                                + other + " and in " + root);
                    }
                    files.put(name, bytes);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location + " on the classpath", e);
        }
        return files;
    }

    /** Every file in {@code directory} (not below it), by file name, with its bytes. */
    static SortedMap<String, byte[]> filesIn(Path directory) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return files;
    }

    private interface FileVisitor {
        void visit(String name, byte[] bytes);
    }

    private static void forEachFile(URL root, FileVisitor visitor) throws IOException {
        switch (root.getProtocol()) {
            case "file" -> filesIn(path(root)).forEach(visitor::visit);
            case "jar" -> {
                String url = root.toString();
                int separator = url.indexOf("!/");
                try (FileSystem jar = FileSystems.newFileSystem(URI.create(url.substring(0, separator)), Map.of())) {
                    filesIn(jar.getPath(url.substring(separator + 1))).forEach(visitor::visit);
                }
            }
            default -> throw new IllegalStateException("cannot list scripts in " + root);
        }
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file: " + url, e);
        }
    }

    private static NavigableMap<Integer, Script> scripts(String location, Pattern pattern) {
        NavigableMap<Integer, Script> scripts = new TreeMap<>();
        filesOnClasspath(location).forEach((name, bytes) -> script(name, bytes, pattern).ifPresent(script -> {
            Script other = scripts.put(script.version(), script);
            if (other != null) {
                throw new IllegalStateException("two scripts of version " + script.version() + " in " + location
                        + ": " + other.name() + " and " + name);
            }
        }));
        if (scripts.isEmpty() && location.equals(MIGRATIONS)) {
            throw new IllegalStateException("no migration script in " + location + " on the classpath");
        }
        return scripts;
    }

    private static Optional<Script> script(String name, byte[] bytes, Pattern pattern) {
        Matcher matcher = pattern.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty(); // afterConnect.sql (a callback) and the .sql.conf files
        }
        return Optional.of(new Script(Integer.parseInt(matcher.group(1)), matcher.group(2), name,
                new String(bytes, StandardCharsets.UTF_8)));
    }
}
