package io.invoicekit.persistence.health;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Prints the health report of a database: {@code HealthReportMain <jdbc-url> <user>}, the
 * password from the environment variable {@value #PASSWORD} (a third argument works too, but
 * shows in the process list). {@value #APPLICATION_ROLE} names the application role if it is not
 * {@code invoice_app}. Exit status: 0 when nothing failed, 1 when a check failed, 2 on bad usage.
 */
public final class HealthReportMain {

    static final String PASSWORD = "INVOICEKIT_DB_PASSWORD";
    static final String APPLICATION_ROLE = "INVOICEKIT_APP_ROLE";

    private HealthReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3 || !args[0].startsWith("jdbc:postgresql://")) {
            err.println("usage: HealthReportMain <jdbc:postgresql://host:port/database> <user> [password]"
                    + " (better: the password in " + PASSWORD + "; the application role in " + APPLICATION_ROLE
                    + ", default invoice_app)");
            return 2;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args.length == 3 ? args[2] : environment.getOrDefault(PASSWORD, ""));
        // One clear line for an unreachable database rather than every check failing with it.
        try (Connection probe = dataSource.getConnection()) {
            probe.isValid(5);
        } catch (SQLException e) {
            err.println("cannot connect to " + args[0] + " as " + args[1] + ": " + e.getMessage());
            return 2;
        }
        HealthReport report = DatabaseHealth.of(dataSource, environment.getOrDefault(APPLICATION_ROLE, "invoice_app"))
                .report();
        out.print(report.format());
        return report.overall() == Status.FAIL ? 1 : 0;
    }
}
