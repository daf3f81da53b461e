package io.invoicekit.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What the numbers were measured on, for the report's header: without it a latency means nothing.
 *
 * @param postgres the server's version and the settings that change what a write costs
 */
public record Machine(String cpu, int cores, String memory, String os, String jdk, String postgres) {

    public static Machine describe(Connection database) throws SQLException {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgres(database));
    }

    private static String cpuModel() {
        return procLines("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse(System.getProperty("os.arch") + " (no /proc/cpuinfo)");
    }

    private static String memTotal() {
        return procLines("/proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .map(kilobytes -> String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0))
                .findFirst()
                .orElse("unknown");
    }

    private static List<String> procLines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String postgres(Connection database) throws SQLException {
        try (Statement statement = database.createStatement();
             ResultSet result = statement.executeQuery("""
                     select 'PostgreSQL ' || current_setting('server_version')
                            || ' (shared_buffers ' || current_setting('shared_buffers')
                            || ', fsync ' || current_setting('fsync')
                            || ', synchronous_commit ' || current_setting('synchronous_commit') || ')'""")) {
            result.next();
            return result.getString(1);
        }
    }
}
