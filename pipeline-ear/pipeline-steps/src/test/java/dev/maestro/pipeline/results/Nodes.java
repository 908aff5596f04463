package dev.maestro.pipeline.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node JSON maps as the API answers them, for the results tests. */
final class Nodes {
    private static int sequence;

    private Nodes() {
    }

    /** A finished run of test {@code name} on {@code platform} of toy/main at {@code commit}. */
    static Map<String, Object> run(String name, String platform, String commit, String result, String created) {
        Map<String, Object> node = node("test", name, result, created);
        node.put("path", List.of("checkout", "kbuild-tiny", "tiny-tests", name));
        node.put("group", "tiny-tests");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("platform", platform);
        data.put("arch", "x86_64");
        data.put("defconfig", "tinyconfig");
        data.put("compiler", "gcc");
        data.put("kernel_revision", Map.of("tree", "toy", "branch", "main", "url", "file:///toy.git", "commit", commit));
        node.put("data", data);
        node.put("artifacts", Map.of("log", "http://storage/" + node.get("id") + "/log.txt", "kernel", "http://storage/k"));
        return node;
    }

    static Map<String, Object> node(String kind, String name, String result, String created) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", String.format("%024x", ++sequence));
        node.put("kind", kind);
        node.put("name", name);
        node.put("state", "done");
        node.put("result", result);
        node.put("created", created);
        node.put("updated", created);
        node.put("retry_counter", 0);
        node.put("data", new LinkedHashMap<>());
        return node;
    }

    static Map<String, Object> with(Map<String, Object> node, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(node);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> withData(Map<String, Object> node, String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>(NodeMaps.data(node));
        data.put(field, value);
        return with(node, "data", data);
    }
}
