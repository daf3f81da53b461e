package io.invoicekit.rls.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The observations of a run, printed as a table: attack | table | expected | observed, one row per
 * attack and target, the observed column being what the database actually did.
 */
public final class IsolationReport {

    private static final List<String> HEADINGS = List.of("attack", "table", "expected", "observed");

    private final List<Observation> observations = new ArrayList<>();

    public void add(Observation observation) {
        observations.add(observation);
    }

    /** The table, with {@code describe} applied to every cell (to show tenant ids as names). */
    public String table(UnaryOperator<String> describe) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Observation observation : observations) {
            rows.add(List.of(observation.probe().attack(), observation.probe().target(),
                            observation.probe().expected().description(), observation.outcome().toString())
                    .stream().map(describe).toList());
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.stream().map(row -> line(row, widths)).toList());
        lines.add(1, Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-+-")));
        return lines.stream().collect(Collectors.joining("\n", "", "\n" + summary()));
    }

    private String summary() {
        long unexpected = observations.stream().filter(observation -> !observation.asExpected()).count();
        return observations.size() + " probes, " + unexpected + " not as expected\n";
    }

    private static String line(List<String> cells, int[] widths) {
        List<String> padded = new ArrayList<>();
        for (int column = 0; column < widths.length; column++) {
            padded.add(cells.get(column) + " ".repeat(widths[column] - cells.get(column).length()));
        }
        return String.join(" | ", padded).stripTrailing();
    }
}
