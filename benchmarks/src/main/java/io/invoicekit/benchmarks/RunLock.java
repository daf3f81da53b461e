package io.invoicekit.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lock JMH takes for each run ({@code jmh.lock} in the temporary directory), taken here for a
 * whole report run, data loading included, so that a second run on the machine stops at once with
 * one line instead of deep in a JMH stack trace minutes later: two runs at once share the cores,
 * the disk and each other's database server, and each would measure the other as much as the code.
 * JMH is told not to take it again in this JVM ({@value #IGNORE_PROPERTY}), where taking it a
 * second time would fail; its forks take none.
 */
final class RunLock implements AutoCloseable {

    /** Where JMH 1.37 locks: {@code java.io.tmpdir}, then {@code /jmh.lock}. */
    static final Path JMH_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    /** JMH reads it once, as its Runner class is loaded: set before the first run. */
    static final String IGNORE_PROPERTY = "jmh.ignoreLock";

    private final RandomAccessFile file;
    private final FileLock lock;

    private RunLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** Another run holds the lock: the message says what to do. */
    static final class HeldElsewhere extends Exception {

        HeldElsewhere(Path lockFile) {
            super("another benchmark run holds " + lockFile + " (JMH's lock): wait for it to finish and run again. "
                    + "Two runs at once share the machine's cores and measure each other, not the code");
        }
    }

    /**
     * Takes the lock at {@code lockFile}, creating the file as JMH does (writable by every user, so
     * that a run of one user does not block the next user's for good).
     *
     * @throws HeldElsewhere if another process (or this one) holds it
     */
    static RunLock take(Path lockFile) throws HeldElsewhere, IOException {
        if (Files.notExists(lockFile)) {
            try {
                Files.createFile(lockFile);
            } catch (FileAlreadyExistsException raced) {
                // Another run created it at the same moment: then its lock decides.
            }
            lockFile.toFile().setWritable(true, false);
        }
        RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
        try {
            FileLock lock = file.getChannel().tryLock();
            if (lock == null) {
                throw new HeldElsewhere(lockFile);
            }
            System.setProperty(IGNORE_PROPERTY, "true");
            return new RunLock(file, lock);
        } catch (OverlappingFileLockException e) {
            file.close();
            throw new HeldElsewhere(lockFile);
        } catch (HeldElsewhere | IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            file.close();
        }
    }
}
