package io.invoicekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Writes the two services a new user would write from the README alone, into {@code target/it},
 * where the Maven Invoker builds them (integration-test phase) against the artifacts of this build,
 * installed into a repository of their own: a plain Java service whose test is the README's test
 * example, and a Spring Boot service made of the README's Spring Boot blocks. What the README does
 * not say and any service has anyway (a group id, JUnit and AssertJ for its tests, an application
 * class is shown) is all the projects add; the versions the README says to set come from the root
 * pom, as the README tells the reader to take them.
 */
class ReadmeConsumersTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PROJECTS = Path.of("target", "it");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    @Test
    void a_plain_java_service_built_from_the_readme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String dependencies = blocks(section(readme, "Using it from a service"), "xml").getFirst()
                + blocks(section(readme, "Tests and the test database"), "xml").getFirst();
        String test = blocks(section(readme, "Tests and the test database"), "java").getFirst();

        String rootPom = Files.readString(ROOT.resolve("pom.xml"));

        Path project = PROJECTS.resolve("plain-service");
        write(project.resolve("pom.xml"), pom("plain-service", "", "", dependencies
                + TEST_LIBRARIES.formatted(property(rootPom, "junit.version"), property(rootPom, "assertj.version"))));
        write(project.resolve(sourcePath("src/test/java", test)), test);

        assertThat(test).contains("registerTenant").contains("tx.clients().create");
    }

    @Test
    void a_spring_boot_service_built_from_the_readme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String boot = section(readme, "Spring Boot");
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        String versions = Stream.of("jooq", "flyway", "postgresql", "hikaricp")
                .map(name -> "        <" + name + ".version>" + property(rootPom, name + ".version") + "</" + name + ".version>\n")
                .collect(Collectors.joining());
        String parent = """
                    <parent>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-starter-parent</artifactId>
                        <version>%s</version>
                        <relativePath/>
                    </parent>
                """.formatted(property(rootPom, "spring-boot.version"));

        Path project = PROJECTS.resolve("boot-service");
        write(project.resolve("pom.xml"), pom("boot-service", parent, versions, blocks(boot, "xml").getFirst()));
        for (String source : blocks(boot, "java")) {
            write(project.resolve(sourcePath("src/main/java", source)), source);
        }
        write(project.resolve("src/main/resources/application.yaml"), blocks(boot, "yaml").getFirst());

        assertThat(blocks(boot, "java")).hasSizeGreaterThanOrEqualTo(2);
    }

    /** What any service's tests have: JUnit and AssertJ, at the versions this build tests with. */
    private static final String TEST_LIBRARIES = """
            <dependency>
                <groupId>org.junit.jupiter</groupId>
                <artifactId>junit-jupiter</artifactId>
                <version>%s</version>
                <scope>test</scope>
            </dependency>
            <dependency>
                <groupId>org.assertj</groupId>
                <artifactId>assertj-core</artifactId>
                <version>%s</version>
                <scope>test</scope>
            </dependency>
            """;

    private static String pom(String artifactId, String parent, String properties, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                %s    <groupId>com.example</groupId>
                    <artifactId>%s</artifactId>
                    <version>1.0</version>
                    <properties>
                        <maven.compiler.release>21</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                %s    </properties>
                    <dependencies>
                %s    </dependencies>
                </project>
                """.formatted(parent, artifactId, properties, dependencies);
    }

    /** Where a Java source goes: its package's directory, its public class's name. */
    private static Path sourcePath(String root, String source) {
        Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(source);
        Matcher type = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)").matcher(source);
        assertThat(pkg.find()).as("a package declaration in the README block:%n%s", source).isTrue();
        assertThat(type.find()).as("a class in the README block:%n%s", source).isTrue();
        return Path.of(root, pkg.group(1).split("\\.")).resolve(type.group(1) + ".java");
    }

    private static List<String> blocks(String section, String language) {
        List<String> blocks = BLOCK.matcher(section).results()
                .filter(block -> block.group(1).equals(language)).map(block -> block.group(2)).toList();
        assertThat(blocks).as("%s blocks", language).isNotEmpty();
        return blocks;
    }

    private static String section(String readme, String heading) {
        Matcher section = Pattern.compile("(?ms)^##+ " + Pattern.quote(heading) + "\\n(.*?)(?=^## )").matcher(readme);
        assertThat(section.find()).as("a section '%s' in the README", heading).isTrue();
        return section.group(1);
    }

    private static String property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(value.find()).as("%s in the root pom", name).isTrue();
        return value.group(1);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
