package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * How many nodes passed, failed, were skipped, ended incomplete or have no result yet, and the
 * coloured bar that shows it. The bar is drawn as SVG rectangles whose widths are attributes,
 * not inline styles, so the Content-Security-Policy can forbid inline styles.
 */
public final class ResultCounts {
    private int pass;
    private int fail;
    private int skip;
    private int incomplete;
    private int running;

    public static ResultCounts of(List<Node> nodes) {
        ResultCounts counts = new ResultCounts();
        nodes.forEach(counts::add);
        return counts;
    }

    public void add(Node node) {
        if (node.result() == null) {
            running++;
            return;
        }
        switch (node.result()) {
            case PASS -> pass++;
            case FAIL -> fail++;
            case SKIP -> skip++;
            case INCOMPLETE -> incomplete++;
        }
    }

    public int total() {
        return pass + fail + skip + incomplete + running;
    }

    public int pass() {
        return pass;
    }

    public int fail() {
        return fail;
    }

    public int skip() {
        return skip;
    }

    public int incomplete() {
        return incomplete;
    }

    public int running() {
        return running;
    }

    /** The bar's segments, left to right, each with its x offset and width in percent of the bar (its SVG view box is 100 wide). */
    public List<Segment> bar() {
        List<Segment> segments = new ArrayList<>();
        int total = total();
        if (total == 0) {
            return segments;
        }
        double x = 0;
        int[] values = {pass, fail, incomplete, skip, running};
        String[] names = {"pass", "fail", "incomplete", "skip", "running"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double width = 100.0 * values[i] / total;
                segments.add(new Segment(names[i], values[i], percent(x), percent(width)));
                x += width;
            }
        }
        return segments;
    }

    private static String percent(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** One coloured part of a bar: {@code kind} names its CSS class. */
    public record Segment(String kind, int count, String x, String width) {
    }
}
