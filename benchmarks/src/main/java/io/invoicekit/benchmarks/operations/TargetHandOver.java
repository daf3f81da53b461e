package io.invoicekit.benchmarks.operations;

import io.invoicekit.testing.ConnectionSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * A {@link BenchmarkTarget} written for JMH's forked JVMs: a file only its owner may read (0600),
 * in a directory of its own only its owner may enter (0700), named to each fork by a system
 * property. The file, not the environment, because the passwords of the embedded server's and
 * the given database's application login are made up in the report run's JVM, which cannot put
 * them into its own environment for the forks to inherit. Closing deletes the file and its
 * directory; a run killed before that leaves them behind, readable by their owner only.
 */
public final class TargetHandOver implements AutoCloseable {

    /** The system property that names the file in each fork. */
    static final String PROPERTY = "invoicekit.benchmarks.target";

    private static final String URL = "url";
    private static final String OWNER_USER = "owner.user";
    private static final String OWNER_PASSWORD = "owner.password";
    private static final String APP_USER = "app.user";
    private static final String APP_PASSWORD = "app.password";

    private final Path file;

    private TargetHandOver(Path file) {
        this.file = file;
    }

    /** Writes {@code target} to a new file in a new directory under the JVM's temporary directory. */
    public static TargetHandOver write(BenchmarkTarget target) throws IOException {
        Path directory = Files.createTempDirectory("invoicekit-benchmarks-", permissions("rwx------"));
        Path file = Files.createFile(directory.resolve("target.properties"), permissions("rw-------"));
        Properties properties = new Properties();
        properties.setProperty(URL, target.owner().jdbcUrl());
        properties.setProperty(OWNER_USER, target.owner().user());
        properties.setProperty(OWNER_PASSWORD, target.owner().password());
        properties.setProperty(APP_USER, target.application().user());
        properties.setProperty(APP_PASSWORD, target.application().password());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "invoicekit benchmarks: the database of this run, for JMH's forks; deleted at its end");
        }
        return new TargetHandOver(file);
    }

    /** The file the target is in. */
    public Path file() {
        return file;
    }

    /** The JVM argument that makes {@link #read()} in a fork return the target: the file's name, no secret. */
    public String jvmArgument() {
        return "-D" + PROPERTY + "=" + file;
    }

    /** The target handed over to this JVM, as the report run's {@link #jvmArgument()} names it. */
    static BenchmarkTarget read() {
        String name = System.getProperty(PROPERTY);
        if (name == null) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run the benchmarks through "
                    + "benchmarks/run.sh (or java -jar benchmarks.jar), which loads the data and hands the database on");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(name))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmarks' database from " + name
                    + " (" + PROPERTY + "): " + e.getMessage(), e);
        }
        String url = properties.getProperty(URL);
        return new BenchmarkTarget(
                new ConnectionSettings(url, properties.getProperty(OWNER_USER), properties.getProperty(OWNER_PASSWORD)),
                new ConnectionSettings(url, properties.getProperty(APP_USER), properties.getProperty(APP_PASSWORD)));
    }

    /**
     * The permissions as the attribute a file is created with, so that it never exists with wider
     * ones; none where the file system has no POSIX permissions (Windows, whose temporary
     * directory is the user's own).
     */
    private static FileAttribute<?>[] permissions(String posix) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posix))}
                : new FileAttribute<?>[0];
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }
}
