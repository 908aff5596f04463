package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the pages show of a node's fields, the same way on every page. */
public final class Nodes {
    private Nodes() {
    }

    public static boolean done(Node node) {
        return node.state() == NodeState.DONE;
    }

    /** The result's name, or the state's while there is no result ({@code running}, {@code available}…). */
    public static String status(Node node) {
        return node.result() != null ? node.result().value() : node.state().value();
    }

    /** The CSS class of a status: one of pass, fail, incomplete, skip, running. */
    public static String statusClass(Node node) {
        return node.result() != null ? node.result().value() : "running";
    }

    /** Sort rank of a result: failures first, then incomplete, unfinished, passed and skipped. */
    public static int rank(NodeResult result) {
        if (result == null) {
            return 2;
        }
        return switch (result) {
            case FAIL -> 0;
            case INCOMPLETE -> 1;
            case PASS -> 3;
            case SKIP -> 4;
        };
    }

    public static String time(Instant t) {
        return t == null ? "" : Timestamps.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).replace('T', ' ');
    }

    /** From creation to the last update of a finished node, as {@code 1m 05s}; empty while it runs. */
    public static String duration(Node node) {
        if (!done(node) || node.created() == null || node.updated() == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(node.created(), node.updated()).toSeconds());
        return seconds >= 60 ? String.format("%dm %02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    /** A value of {@code data}, or of a map inside it by a dotted path, as text ("" when absent). */
    public static String data(Node node, String dottedPath) {
        Object at = node.data();
        for (String key : dottedPath.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return "";
            }
            at = map.get(key);
        }
        return at == null ? "" : String.valueOf(at);
    }

    /**
     * Whether a URL may become a link: only http(s), so an artifact named by a client can never
     * be a {@code javascript:} link.
     */
    public static boolean linkable(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }
}
