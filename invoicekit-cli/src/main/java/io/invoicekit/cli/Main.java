package io.invoicekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code invoicekit migrate | undo | audit | isolation | health | check | tenant-keys}: the operator's
 * tool. Exit status 0 all good, 1 a finding, 2 could not run (with one line on stderr saying why).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * One run of the tool, in-process: the arguments, the environment the passwords come from, and
     * where output (stdout) and progress and errors (stderr) go. Returns the exit status.
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        // jOOQ's banner and tips would land among the output.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Console console = new Console(Map.copyOf(environment), out, err);
        CommandLine root = commandLine(console);
        root.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        root.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        root.setParameterExceptionHandler((failure, arguments) -> {
            CommandLine command = failure.getCommandLine();
            String name = command.getCommandSpec().qualifiedName(" ");
            command.getErr().println(name + ": " + failure.getMessage() + " (see " + name + " --help)");
            return Verdict.ERROR.exitStatus();
        });
        root.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println(command.getCommandSpec().qualifiedName(" ") + ": could not run: "
                    + failure.getClass().getSimpleName() + ": " + CannotRun.oneLine(failure));
            return Verdict.ERROR.exitStatus();
        });
        return root.execute(args);
    }

    /** The commands, each a new instance: the steps of check are also commands of their own. */
    static CommandLine commandLine(Console console) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new MigrateCommand(console));
        root.addSubcommand(new UndoCommand(console));
        for (Step step : Steps.all()) {
            CommandLine command = new CommandLine(new StepCommand(step, console));
            command.getCommandSpec().usageMessage().description(step.description());
            if (step.options() != null) {
                command.getCommandSpec().addMixin(step.name(), CommandSpec.forAnnotatedObject(step.options()));
            }
            root.addSubcommand(step.name(), command);
        }
        // check's own instances of the steps, whose options are check's too.
        var checkSteps = Steps.all();
        CommandLine check = new CommandLine(new CheckCommand(checkSteps, console));
        for (Step step : checkSteps) {
            if (step.options() != null) {
                check.getCommandSpec().addMixin(step.name(), CommandSpec.forAnnotatedObject(step.options()));
            }
        }
        root.addSubcommand(check);
        root.addSubcommand(TenantKeysCommand.commandLine(console));
        return root;
    }

    @Command(name = "invoicekit", mixinStandardHelpOptions = true, versionProvider = Version.class,
            usageHelpAutoWidth = true,
            description = {
                    "The operator's tool for an invoicekit database: migrate, undo, audit, isolation, health, check, "
                            + "tenant-keys.",
                    "Each command takes --url jdbc:postgresql://... and --user <role>, the password from the environment "
                            + "(" + DatabaseOptions.PASSWORD + ") or --password-file, never from the command line; "
                            + "without --url it runs on an embedded PostgreSQL of its own. --json prints one JSON "
                            + "document on stdout; progress goes to stderr.",
                    "Exit status: 0 all good, 1 a finding, 2 could not run."},
            footer = {"", "invoicekit <command> --help says what a command does and as which role it runs."})
    static final class Root implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("invoicekit: a command is missing (migrate, undo, audit, isolation, "
                    + "health, check, tenant-keys; see invoicekit --help)");
            return Verdict.ERROR.exitStatus();
        }
    }

    /** The version this jar was built as. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/invoicekit-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"invoicekit " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
