package dev.maestro.pipeline.results;

import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.store.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression node and its changes, in KernelCI's shape: {@code kind: regression},
 * {@code state: done}, {@code result: fail} while open and {@code pass} once fixed, the failing
 * test's name, group and path, and in {@code data}: {@code fail_node}, {@code pass_node}, the
 * configuration ({@code platform}, {@code arch}, {@code defconfig}, {@code config_full},
 * {@code compiler}, {@code device}), {@code failed_kernel_revision} and
 * {@code passed_kernel_revision} (tree, branch, commit… of both runs), the failure's
 * {@code error_code}/{@code error_msg}, {@code node_sequence} (later failing runs) and our
 * additions: {@code test_key} ({@link TestIdentity#key()}), {@code failed_at}, and once fixed
 * {@code fixed_by} and {@code fixed_kernel_revision}.
 */
public final class RegressionDrafts {
    private RegressionDrafts() {
    }

    /**
     * The new regression, under the failing run's checkout.
     *
     * @param logs the failing run's log artifacts (or its nearest ancestor's)
     */
    public static Map<String, Object> open(Map<String, Object> fail, Map<String, Object> pass, String checkoutId,
                                           Map<String, String> logs) {
        Map<String, Object> failData = NodeMaps.data(fail);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fail_node", NodeMaps.id(fail));
        data.put("pass_node", NodeMaps.id(pass));
        for (String field : List.of("platform", "arch", "defconfig", "config_full", "compiler", "device", "error_code", "error_msg")) {
            if (failData.get(field) != null) {
                data.put(field, failData.get(field));
            }
        }
        putRevision(data, "failed_kernel_revision", fail);
        putRevision(data, "passed_kernel_revision", pass);
        data.put("node_sequence", List.of());
        data.put("test_key", TestIdentity.of(fail).key());
        data.put("failed_at", fail.get("created"));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kind", "regression");
        node.put("name", fail.get("name"));
        node.put("path", fail.get("path"));
        node.put("group", fail.get("group"));
        node.put("parent", checkoutId);
        node.put("state", "done");
        node.put("result", "fail");
        node.put("data", data);
        node.put("artifacts", logs);
        return node;
    }

    /** {@link #open} as the node the tracker creates through the node write path, created {@code now}. */
    public static Node openNode(Map<String, Object> fail, Map<String, Object> pass, String checkoutId,
                                Map<String, String> logs, Instant now) {
        Map<String, Object> draft = open(fail, pass, checkoutId, logs);
        return Node.newNode(now).kind("regression").name(NodeMaps.text(draft.get("name")))
                .path(NodeMaps.strings(draft.get("path"))).group(NodeMaps.text(draft.get("group")))
                .parent(Ids.parse(checkoutId)).state(NodeState.DONE).result(NodeResult.FAIL)
                .data(NodeMaps.map(draft.get("data"))).artifacts(logs).build();
    }

    /** The artifacts KernelCI copied into a regression: {@code log} and any name containing {@code _log}. */
    public static Map<String, String> logs(Map<String, Object> node) {
        Map<String, String> logs = new LinkedHashMap<>();
        NodeMaps.map(node.get("artifacts")).forEach((name, url) -> {
            if (url != null && ("log".equals(name) || name.contains("_log"))) {
                logs.put(name, String.valueOf(url));
            }
        });
        return logs;
    }

    /** The open regression's data once {@code fail} has continued it (unchanged if already counted). */
    public static Map<String, Object> continued(Map<String, Object> regressionData, String failId) {
        Map<String, Object> data = new LinkedHashMap<>(regressionData);
        List<String> sequence = new ArrayList<>(NodeMaps.strings(data.get("node_sequence")));
        if (!failId.equals(data.get("fail_node")) && !sequence.contains(failId)) {
            sequence.add(failId);
        }
        data.put("node_sequence", sequence);
        return data;
    }

    /** The regression's data once {@code pass} has fixed it; its result becomes {@code pass}. */
    public static Map<String, Object> fixed(Map<String, Object> regressionData, Map<String, Object> pass) {
        Map<String, Object> data = new LinkedHashMap<>(regressionData);
        data.put("fixed_by", NodeMaps.id(pass));
        putRevision(data, "fixed_kernel_revision", pass);
        return data;
    }

    private static void putRevision(Map<String, Object> data, String field, Map<String, Object> node) {
        if (!NodeMaps.revision(node).isEmpty()) {
            data.put(field, NodeMaps.revision(node));
        }
    }
}
