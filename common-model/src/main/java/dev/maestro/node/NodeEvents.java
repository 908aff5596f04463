package dev.maestro.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload ({@code data}) of events on channel {@code node}, KernelCI's shape: {@code op, id,
 * kind, name, path, group, state, result, owner, data, is_hierarchy}, and for updates also
 * {@code previous_state} and {@code previous_result} (the stored values before the write).
 */
public final class NodeEvents {
    public static final String CHANNEL = "node";

    private NodeEvents() {
    }

    public static Map<String, Object> created(Node node, boolean hierarchy) {
        return payload("created", node, hierarchy);
    }

    public static Map<String, Object> updated(Node node, Node previous, boolean hierarchy) {
        Map<String, Object> m = payload("updated", node, hierarchy);
        m.put("previous_state", previous.state().value());
        m.put("previous_result", previous.result() == null ? null : previous.result().value());
        return m;
    }

    private static Map<String, Object> payload(String op, Node node, boolean hierarchy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("id", node.id().toHexString());
        m.put("kind", node.kind());
        m.put("name", node.name());
        m.put("path", node.path());
        m.put("group", node.group());
        m.put("state", node.state().value());
        m.put("result", node.result() == null ? null : node.result().value());
        m.put("owner", node.owner());
        m.put("data", node.data());
        m.put("is_hierarchy", hierarchy);
        return m;
    }
}
