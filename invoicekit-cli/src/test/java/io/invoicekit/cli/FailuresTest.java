package io.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What cannot run exits with status 2 and says why in one line on stderr; --help says as which role. */
class FailuresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/invoices";

    @Test
    void a_missing_password_is_exit_2_naming_where_to_give_it() {
        Cli.Run run = Cli.run(Map.of(), "audit", "--url", URL, "--user", "owner");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("invoicekit audit: no password for owner: set the environment variable INVOICEKIT_DB_PASSWORD "
                        + "or give --password-file <path> (never the password itself on the command line)");
    }

    @Test
    void an_unreadable_password_file_is_exit_2() {
        Cli.Run run = Cli.run(Map.of(), "health", "--url", URL, "--user", "owner", "--password-file", "/nonexistent/pw");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("invoicekit health: cannot read --password-file /nonexistent/pw");
    }

    @Test
    void an_unreachable_database_is_exit_2_in_one_line() {
        Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, "x"), "check", "--url", URL, "--user", "owner");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("invoicekit check: cannot connect to " + URL + " as owner: ");
    }

    @Test
    void with_json_an_unreachable_database_is_also_a_json_document_on_stdout() {
        Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, "x"), "health", "--url", URL, "--user", "owner", "--json");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.json().get("verdict").asText()).isEqualTo("ERROR");
        assertThat(run.json().get("error").asText()).startsWith("cannot connect to " + URL);
    }

    @Test
    void a_password_in_the_url_is_refused() {
        Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, "x"), "audit", "--url", URL + "?password=secret",
                "--user", "owner");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--url must not carry user or password parameters");
    }

    @Test
    void a_url_without_user_is_refused() {
        Cli.Run run = Cli.run(Map.of(DatabaseOptions.PASSWORD, "x"), "audit", "--url", URL);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("invoicekit audit: --url needs --user <role>, the login to connect as");
    }

    @Test
    void a_user_without_url_is_refused() {
        Cli.Run run = Cli.run(Map.of(), "health", "--user", "owner");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--user and --password-file need --url");
    }

    @Test
    void an_unknown_option_is_exit_2_in_one_line() {
        Cli.Run run = Cli.run("migrate", "--password", "secret");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("invoicekit migrate: Unknown options: '--password', 'secret'")
                .endsWith("(see invoicekit migrate --help)");
    }

    @Test
    void a_bad_duration_is_exit_2() {
        Cli.Run run = Cli.run("migrate", "--lock-timeout", "soon");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is no duration");
    }

    @Test
    void no_command_is_exit_2() {
        Cli.Run run = Cli.run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("invoicekit: a command is missing");
    }

    @Test
    void an_unknown_command_is_exit_2() {
        Cli.Run run = Cli.run("migrat");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("migrat");
    }

    @Test
    void help_lists_the_commands_and_exit_codes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("migrate", "undo", "audit", "health", "check")
                .contains("Exit status: 0 all good, 1 a finding, 2 could not run.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "undo", "audit", "health", "check"})
    void each_command_says_as_which_role_it_runs(String command) {
        Cli.Run run = Cli.run(command, "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Role: ").contains("--url").contains("--user").contains("--password-file")
                .contains("--app-role").contains("--json").contains("Exit status");
        switch (command) {
            case "migrate", "undo" -> assertThat(run.out()).contains("the schema owner");
            case "audit" -> assertThat(run.out()).contains("any role");
            default -> assertThat(run.out()).contains("BYPASSRLS").contains("NOT_AVAILABLE");
        }
    }

    @Test
    void version_is_the_build_version() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("invoicekit 0.");
    }
}
