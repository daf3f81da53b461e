package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java example of the README runs as written: each {@code ```java} block appears, line for
 * line (indentation aside), in a test source of the repository, where it compiles and runs.
 */
class ReadmeCodeBlocksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void every_java_block_of_the_readme_is_in_a_test_that_runs() throws IOException {
        List<String> tests = testSources();
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
        List<String> all = new ArrayList<>();
        while (blocks.find()) {
            all.add(normalized(blocks.group(1)));
        }
        List<String> untested = all.stream()
                .filter(block -> tests.stream().noneMatch(source -> source.contains(block)))
                .map(block -> block.lines().findFirst().orElse(""))
                .toList();

        assertThat(all).as("Java blocks in the README").hasSizeGreaterThan(3);
        assertThat(untested).as("README blocks (their first lines) that no test holds as written").isEmpty();
    }

    private static List<String> testSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/test/") && !file.toString().contains("/target/"))
                    .map(ReadmeCodeBlocksTest::read)
                    .map(ReadmeCodeBlocksTest::normalized)
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines stripped of their indentation, blank lines dropped. */
    private static String normalized(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
