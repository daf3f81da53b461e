package io.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock against a lock file of the test's own: never the machine's JMH lock. */
class RunLockTest {

    @Test
    void aFreeLockIsTakenAndGivenBackOnClose(@TempDir Path directory) throws Exception {
        Path lockFile = directory.resolve("jmh.lock");

        try (RunLock lock = RunLock.take(lockFile)) {
            assertThat(lockFile).exists();
            assertThat(System.getProperty(RunLock.IGNORE_PROPERTY)).isEqualTo("true");
        }
        try (RunLock again = RunLock.take(lockFile)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aLockHeldByAnotherProcessStopsTheRunWithOneLine(@TempDir Path directory) throws Exception {
        Path lockFile = directory.resolve("jmh.lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(LockHolder.HOLDING);

            assertThatThrownBy(() -> RunLock.take(lockFile))
                    .isInstanceOf(RunLock.HeldElsewhere.class)
                    .hasMessage("another benchmark run holds " + lockFile + " (JMH's lock): wait for it to finish and "
                            + "run again. Two runs at once share the machine's cores and measure each other, not the code");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (RunLock free = RunLock.take(lockFile)) {
            assertThat(free).isNotNull();
        }
    }

    @Test
    void aLockThisProcessHoldsStopsASecondRunToo(@TempDir Path directory) throws Exception {
        Path lockFile = directory.resolve("jmh.lock");

        try (RunLock first = RunLock.take(lockFile)) {
            assertThatThrownBy(() -> RunLock.take(lockFile)).isInstanceOf(RunLock.HeldElsewhere.class);
        }
    }

    /** Another process holding a lock as JMH does (a whole-file lock), until its standard input closes. */
    public static final class LockHolder {

        static final String HOLDING = "holding";

        public static void main(String[] args) throws IOException {
            try (RandomAccessFile file = new RandomAccessFile(args[0], "rw");
                 FileLock lock = file.getChannel().lock()) {
                System.out.println(HOLDING);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Held until the test closes our input.
                }
            }
        }
    }
}
