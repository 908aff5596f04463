package dev.maestro.pipeline.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A checkout's summary, as a JSON-ready map that is also the scope of the report templates:
 * the checkout ({@code checkout}, {@code tree}, {@code branch}, {@code commit},
 * {@code describe}, {@code url}, {@code summary_url}), {@code builds} and {@code tests} counted by
 * result, {@code retries} (the attempts after the first), {@code new_regressions} (opened by a
 * failure in this checkout), {@code still_failing} (opened earlier, failing again here) and
 * {@code fixed} (fixed by a pass here), each with links to the failing node and its log.
 *
 * <p>A job run again counts once, by its last attempt, and so do the tests under it.
 */
public final class SummaryCounter {
    private static final List<String> BUILD_RESULTS = List.of("pass", "fail", "incomplete");
    private static final List<String> TEST_RESULTS = List.of("pass", "fail", "skip", "incomplete");

    private SummaryCounter() {
    }

    /**
     * Whether the checkout's summary can be made: it and every node under it are done and no
     * node still waits for its retry.
     */
    public static boolean complete(Map<String, Object> checkout, List<Map<String, Object>> descendants, Instant now) {
        return "done".equals(checkout.get("state"))
                && descendants.stream().allMatch(n -> "done".equals(n.get("state")))
                && descendants.stream().noneMatch(n -> JobRetryRule.awaitsRetry(n, descendants, now));
    }

    /**
     * @param descendants every node under the checkout but regressions
     * @param regressions regressions opened in this checkout and those its nodes continued or fixed
     */
    public static Map<String, Object> summarize(Map<String, Object> checkout, List<Map<String, Object>> descendants,
                                                List<Map<String, Object>> regressions, ReportLinks links) {
        String checkoutId = NodeMaps.id(checkout);
        Map<String, Object> revision = NodeMaps.revision(checkout);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("checkout", checkoutId);
        for (String field : List.of("tree", "branch", "commit", "describe", "url")) {
            summary.put(field, revision.get(field));
        }
        if (revision.get("patchset") != null) {
            // A patchset's summary is of the patched revision: the series hash tells it from the base's.
            summary.put("patchset", revision.get("patchset"));
        }
        summary.put("summary_url", links.summary(checkoutId));
        List<Map<String, Object>> counted = lastAttempts(checkoutId, descendants);
        summary.put("builds", count(counted, "kbuild", BUILD_RESULTS));
        summary.put("tests", count(counted, "test", TEST_RESULTS));
        summary.put("retries", descendants.stream().filter(n -> NodeMaps.retryCounter(n) > 0).map(n -> {
            Map<String, Object> retry = new LinkedHashMap<>();
            retry.put("id", NodeMaps.id(n));
            retry.put("name", n.get("name"));
            retry.put("platform", NodeMaps.data(n).get("platform"));
            retry.put("retry_counter", NodeMaps.retryCounter(n));
            retry.put("result", n.get("result"));
            return retry;
        }).toList());
        Set<String> ids = descendants.stream().map(NodeMaps::id).collect(Collectors.toSet());
        List<Map<String, Object>> opened = new ArrayList<>();
        List<Map<String, Object>> stillFailing = new ArrayList<>();
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (Map<String, Object> regression : regressions) {
            Map<String, Object> data = NodeMaps.data(regression);
            if (checkoutId.equals(NodeMaps.text(regression.get("parent")))) {
                opened.add(entry(regression, links));
            } else if (ids.contains(NodeMaps.text(data.get("fixed_by")))) {
                fixed.add(entry(regression, links));
            } else if (NodeMaps.strings(data.get("node_sequence")).stream().anyMatch(ids::contains)) {
                stillFailing.add(entry(regression, links));
            }
        }
        summary.put("new_regressions", opened);
        summary.put("new_regression_count", opened.size());
        summary.put("still_failing", stillFailing);
        summary.put("fixed", fixed);
        return summary;
    }

    /** The nodes left once every attempt that was run again is dropped with everything under it. */
    private static List<Map<String, Object>> lastAttempts(String checkoutId, List<Map<String, Object>> nodes) {
        Map<String, Map<String, Object>> byId = nodes.stream().collect(Collectors.toMap(NodeMaps::id, Function.identity(), (a, b) -> a));
        // The attempts that were run again, each with its parent: a set, not a scan of every node
        // for each node (thousands of tests made that seconds per summary).
        Set<List<Object>> retried = nodes.stream().map(n -> siblingAttempt(n, -1)).collect(Collectors.toSet());
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            boolean superseded = false;
            Map<String, Object> at = node;
            for (int depth = 0; at != null && depth < nodes.size() && !superseded; depth++) {
                superseded = retried.contains(siblingAttempt(at, 0));
                String parent = NodeMaps.text(at.get("parent"));
                at = checkoutId.equals(parent) ? null : byId.get(parent);
            }
            if (!superseded) {
                kept.add(node);
            }
        }
        return kept;
    }

    /** The attempt (see {@link JobRetryRule#attempt}) under its parent: a retry is its failed attempt's sibling. */
    private static List<Object> siblingAttempt(Map<String, Object> node, int offset) {
        return List.of(String.valueOf(node.get("parent")), JobRetryRule.attempt(node, offset));
    }

    private static Map<String, Object> count(List<Map<String, Object>> nodes, String kind, List<String> results) {
        Map<String, Object> counts = new LinkedHashMap<>();
        List<Map<String, Object>> ofKind = nodes.stream().filter(n -> kind.equals(n.get("kind"))).toList();
        counts.put("total", ofKind.size());
        for (String result : results) {
            counts.put(result, ofKind.stream().filter(n -> result.equals(n.get("result"))
                    || "incomplete".equals(result) && !results.contains(String.valueOf(n.get("result")))).count());
        }
        return counts;
    }

    private static Map<String, Object> entry(Map<String, Object> regression, ReportLinks links) {
        Map<String, Object> data = NodeMaps.data(regression);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", NodeMaps.id(regression));
        entry.put("name", regression.get("name"));
        entry.put("path", String.join(".", NodeMaps.strings(regression.get("path"))));
        for (String field : List.of("platform", "arch", "defconfig", "compiler")) {
            entry.put(field, data.get(field));
        }
        entry.put("result", regression.get("result"));
        String failNode = NodeMaps.text(data.get("fail_node"));
        entry.put("fail_node", failNode);
        entry.put("fail_node_url", failNode == null ? null : links.node(failNode));
        entry.put("pass_node", data.get("pass_node"));
        entry.put("log_url", NodeMaps.map(regression.get("artifacts")).get("log"));
        entry.put("regression_url", links.node(NodeMaps.id(regression)));
        return entry;
    }
}
