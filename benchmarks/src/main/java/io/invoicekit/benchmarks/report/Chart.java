package io.invoicekit.benchmarks.report;

import io.invoicekit.benchmarks.operations.Parameters;
import io.invoicekit.benchmarks.operations.Variant;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;

/**
 * The report's chart, drawn with the JDK alone (headless AWT): per operation a bar per variant
 * from zero to the median, a whisker on to the p99, on a logarithmic axis in milliseconds, and
 * the seeds' "after" figure as a red mark; then issuing under concurrency, a bar per thread count
 * and variant, for all threads on one tenant and for one tenant per thread. A logarithmic axis
 * because the variants differ by orders of magnitude.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int LEFT = 260;
    private static final int RIGHT = 210;
    private static final int TOP = 80;
    private static final int BAR = 14;
    private static final int GAP = 4;
    private static final int GROUP_GAP = 16;
    private static final Map<Variant, Color> COLORS = Map.of(
            Variant.REPOSITORY, new Color(0x1f77b4),
            Variant.JDBC, new Color(0x2ca02c),
            Variant.JDBC_WITHOUT_RLS, new Color(0x98df8a),
            Variant.PER_ROW_POLICY, new Color(0xff7f0e),
            Variant.NO_INDEXES, new Color(0x8c564b),
            Variant.MAX_PLUS_ONE, new Color(0x9467bd),
            Variant.SELECT_ONE, new Color(0x7f7f7f));

    /** One bar: a median and its p99 whisker, in the variant's colour, with a note after the numbers. */
    record Bar(String label, Variant variant, double medianMicros, double p99Micros, String note) {
    }

    /** An operation's bars under its title, with the seeds' "after" where they have one. */
    record Group(String title, List<Bar> bars, OptionalDouble seedAfterMillis) {

        Group {
            bars = List.copyOf(bars);
        }
    }

    private final String title;
    private final List<Group> groups;

    Chart(String title, List<Group> groups) {
        this.title = title;
        this.groups = groups.stream().filter(group -> !group.bars().isEmpty()).toList();
    }

    /**
     * The report's chart: the service's operations for the largest tenant, signed, every variant;
     * then each spread of the concurrency runs.
     */
    static Chart of(Results results, String title) {
        List<Group> groups = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            if (operation.ofTheService()) {
                groups.add(new Group(operation.title(), operation.variants().stream()
                        .flatMap(variant -> results.find(operation, variant, Parameters.LARGEST).stream())
                        .map(sample -> new Bar(sample.variant().label(), sample.variant(), sample.medianMicros(),
                                sample.p99Micros(), ""))
                        .toList(), operation.seedAfterMillis()));
            }
        }
        results.concurrency().stream().map(ConcurrencyRun::spread).distinct().forEach(spread -> groups.add(new Group(
                "Issuing under concurrency, tenants: " + ConcurrencyTable.spreadLabel(spread),
                results.concurrency().stream()
                        .filter(run -> run.spread().equals(spread))
                        .flatMap(run -> run.samples().stream())
                        .map(sample -> new Bar(sample.threads() + (sample.threads() == 1 ? " thread, " : " threads, ")
                                + sample.variant().label(), sample.variant(), sample.medianMicros(), sample.p99Micros(),
                                String.format(Locale.ROOT, ", %,.0f ops/s", sample.throughputPerSecond())))
                        .toList(), OptionalDouble.empty())));
        return new Chart(title, groups);
    }

    List<Group> groups() {
        return groups;
    }

    void write(Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int bars = groups.stream().mapToInt(group -> group.bars().size()).sum();
        int height = TOP + (bars + groups.size()) * (BAR + GAP) + groups.size() * GROUP_GAP + 60;
        var image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            var axis = Axis.covering(groups.stream().flatMap(group -> group.bars().stream()).toList());
            drawAxis(g, axis, height);
            drawBars(g, axis);
            drawLegend(g);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private void drawAxis(Graphics2D g, Axis axis, int height) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double ms = axis.minMillis; ms <= axis.maxMillis * 1.0001; ms *= 10) {
            int x = axis.x(ms);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP - 6, x, height - 40);
            g.setColor(Color.DARK_GRAY);
            String label = ms < 1 ? String.format(Locale.ROOT, "%s ms", trim(ms)) : String.format(Locale.ROOT, "%.0f ms", ms);
            g.drawString(label, x - 14, height - 24);
        }
        g.drawString("bar: median, whisker: p99 (labels: median / p99); red line: the seeds' \"after\"; logarithmic scale", LEFT, height - 8);
    }

    private void drawBars(Graphics2D g, Axis axis) {
        int y = TOP;
        for (Group group : groups) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(group.title(), 10, y + BAR - 2);
            int top = y;
            y += BAR + GAP;
            for (Bar bar : group.bars()) {
                int median = axis.x(bar.medianMicros() / 1000);
                int p99 = axis.x(bar.p99Micros() / 1000);
                g.setColor(color(bar.variant()));
                g.fillRect(LEFT, y, Math.max(1, median - LEFT), BAR);
                g.setColor(Color.BLACK);
                g.drawLine(median, y + BAR / 2, p99, y + BAR / 2);
                g.drawLine(p99, y + 2, p99, y + BAR - 2);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString(bar.label(), 24, y + BAR - 3);
                g.drawString(Format.millis(bar.medianMicros()) + " / " + Format.millis(bar.p99Micros()) + bar.note(),
                        p99 + 6, y + BAR - 3);
                y += BAR + GAP;
            }
            if (group.seedAfterMillis().isPresent()) {
                int after = axis.x(group.seedAfterMillis().getAsDouble());
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(3));
                g.drawLine(after, top + BAR, after, y - GAP);
                g.setStroke(new BasicStroke(1));
            }
            y += GROUP_GAP;
        }
    }

    private void drawLegend(Graphics2D g) {
        int x = LEFT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Variant variant : Variant.values()) {
            if (groups.stream().flatMap(group -> group.bars().stream()).noneMatch(bar -> bar.variant() == variant)) {
                continue;
            }
            g.setColor(color(variant));
            g.fillRect(x, 44, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(variant.label(), x + 16, 54);
            x += 22 + g.getFontMetrics().stringWidth(variant.label());
        }
    }

    /** The variant's colour; black for those without one of their own (as the seeds' query without lines). */
    private static Color color(Variant variant) {
        return COLORS.getOrDefault(variant, Color.BLACK);
    }

    private static String trim(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms).replaceAll("0+$", "");
    }

    /** Milliseconds to pixels, by powers of ten from below the fastest median to above the slowest p99. */
    private record Axis(double minMillis, double maxMillis) {

        static Axis covering(List<Bar> bars) {
            double fastest = bars.stream().mapToDouble(Bar::medianMicros).min().orElse(10) / 1000;
            double slowest = Math.max(bars.stream().mapToDouble(Bar::p99Micros).max().orElse(1000) / 1000, 20);
            return new Axis(Math.pow(10, Math.floor(Math.log10(fastest))), Math.pow(10, Math.ceil(Math.log10(slowest))));
        }

        int x(double millis) {
            double clamped = Math.max(minMillis, Math.min(maxMillis, millis));
            double share = Math.log10(clamped / minMillis) / Math.log10(maxMillis / minMillis);
            return LEFT + (int) Math.round(share * (WIDTH - LEFT - RIGHT));
        }
    }
}
