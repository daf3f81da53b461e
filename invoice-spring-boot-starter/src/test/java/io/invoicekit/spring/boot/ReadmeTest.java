package io.invoicekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Spring Boot" section shows what the full-context test runs: its service class, its
 * application.yaml and this artifact. A block edited on one side only fails here.
 */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SERVICE = Path.of("src/test/java/io/invoicekit/spring/boot/billing/OrderBilling.java");
    private static final Path CONFIGURATION = Path.of("src/test/resources/application.yaml");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    @Test
    void the_service_in_the_readme_is_the_one_the_full_context_test_runs() throws IOException {
        assertThat(text(SERVICE)).contains(onlyBlock("java"));
    }

    @Test
    void the_application_yaml_in_the_readme_is_the_one_the_full_context_test_reads() throws IOException {
        assertThat(onlyBlock("yaml")).isEqualTo(text(CONFIGURATION));
    }

    @Test
    void the_dependency_in_the_readme_is_this_artifact_at_this_version() throws IOException {
        assertThat(onlyBlock("xml"))
                .contains("<artifactId>invoice-spring-boot-starter</artifactId>")
                .contains("<version>" + System.getProperty("invoicekit.version") + "</version>");
    }

    /** The one block of {@code language} in the README's "Spring Boot" section. */
    private static String onlyBlock(String language) throws IOException {
        List<String> blocks = BLOCK.matcher(section("Spring Boot")).results()
                .filter(block -> block.group(1).equals(language)).map(block -> block.group(2)).toList();
        assertThat(blocks).as("%s blocks in the README's Spring Boot section", language).hasSize(1);
        return blocks.getFirst();
    }

    private static String section(String heading) throws IOException {
        Matcher section = Pattern.compile("(?ms)^## " + Pattern.quote(heading) + "\\n(.*?)(?=^## )").matcher(text(README));
        assertThat(section.find()).as("a '## %s' section in %s", heading, README).isTrue();
        return section.group(1);
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n");
    }
}
