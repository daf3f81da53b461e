package io.invoicekit.rls.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the isolation probe observed: one row per attack and target, with what a sound database
 * does and what this one did, and the verdict.
 *
 * @param tables the tenant tables attacked
 * @param rows   one row per attack, in the order they ran
 */
public record IsolationReport(List<String> tables, List<Row> rows) {

    private static final List<String> HEADINGS = List.of("attack", "table", "expected", "observed");

    public IsolationReport {
        tables = List.copyOf(tables);
        rows = List.copyOf(rows);
    }

    /**
     * One attack.
     *
     * @param attack     what was tried, in words; the probe's tenants are named A (the attacker) and B
     * @param table      the table or object attacked
     * @param expected   what a sound database does
     * @param observed   what this one did
     * @param asExpected whether it did what a sound one does
     */
    public record Row(String attack, String table, String expected, String observed, boolean asExpected) {

        static Row of(Observation observation, UnaryOperator<String> describe) {
            return new Row(describe.apply(observation.probe().attack()), describe.apply(observation.probe().target()),
                    describe.apply(observation.probe().expected().description()),
                    describe.apply(observation.outcome().toString()), observation.asExpected());
        }
    }

    /** Whether every attack was blocked and every control passed. */
    public boolean passed() {
        return rows.stream().allMatch(Row::asExpected);
    }

    /** The attacks that were not blocked (or controls that failed): the findings. */
    public List<Row> findings() {
        return rows.stream().filter(row -> !row.asExpected()).toList();
    }

    /**
     * The attacks that could not run for want of a row: on tables whose made-up row the database
     * refused (a rule the catalog does not spell out). They passed without testing anything.
     */
    public List<Row> notRun() {
        return rows.stream().filter(row -> row.observed().startsWith("refused " + Expected.NOT_SEEDED)).toList();
    }

    /** A one-line summary: how many attacks on how many tables, how many not as expected, how many not run. */
    public String summary() {
        List<String> notRunOn = notRun().stream().map(Row::table).distinct().toList();
        return rows.size() + " attacks on " + tables.size() + " tables, " + findings().size() + " not as expected"
                + (notRunOn.isEmpty() ? "" : ", " + notRun().size() + " not run for want of a row of "
                + String.join(", ", notRunOn));
    }

    /** The report as a table for people: attack | table | expected | observed, then the summary. */
    public String table() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADINGS);
        rows.forEach(row -> lines.add(List.of((row.asExpected() ? "" : "!! ") + row.attack(), row.table(),
                row.expected(), row.observed())));
        int[] widths = new int[HEADINGS.size()];
        for (List<String> line : lines) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        List<String> text = new ArrayList<>(lines.stream().map(line -> line(line, widths)).toList());
        text.add(1, Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-+-")));
        return String.join("\n", text) + "\n" + summary() + "\n";
    }

    private static String line(List<String> cells, int[] widths) {
        List<String> padded = new ArrayList<>();
        for (int column = 0; column < widths.length; column++) {
            padded.add(cells.get(column) + " ".repeat(widths[column] - cells.get(column).length()));
        }
        return String.join(" | ", padded).stripTrailing();
    }
}
