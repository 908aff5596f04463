package dev.maestro.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload ({@code data}) of an event on channel {@code node}, KernelCI's shape: {@code op, id,
 * kind, name, path, group, state, result, owner, data, is_hierarchy}, and for updates also
 * {@code previous_state} and {@code previous_result} (the stored values before the write). The
 * node write path writes it with {@link #toData()}; consumers (the pipeline) read it back with
 * {@link #read(Map)}, so both sides share this one statement of the contract.
 *
 * @param previousState null for {@code created} events (which carry no previous values)
 */
public record NodeEvent(String op, String id, String kind, String name, List<String> path, String group,
                        String state, String result, String owner, Map<String, Object> data, boolean hierarchy,
                        String previousState, String previousResult) {
    public static final String CHANNEL = "node";

    public static NodeEvent created(Node node, boolean hierarchy) {
        return of("created", node, hierarchy, null, null);
    }

    public static NodeEvent updated(Node node, Node previous, boolean hierarchy) {
        return of("updated", node, hierarchy, previous.state().value(),
                previous.result() == null ? null : previous.result().value());
    }

    private static NodeEvent of(String op, Node node, boolean hierarchy, String previousState, String previousResult) {
        return new NodeEvent(op, node.id().toHexString(), node.kind(), node.name(), node.path(), node.group(),
                node.state().value(), node.result() == null ? null : node.result().value(), node.owner(), node.data(),
                hierarchy, previousState, previousResult);
    }

    /** The event's {@code data} as published, in KernelCI's key order. */
    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("id", id);
        m.put("kind", kind);
        m.put("name", name);
        m.put("path", path);
        m.put("group", group);
        m.put("state", state);
        m.put("result", result);
        m.put("owner", owner);
        m.put("data", data);
        m.put("is_hierarchy", hierarchy);
        if (previousState != null) {
            m.put("previous_state", previousState);
            m.put("previous_result", previousResult);
        }
        return m;
    }

    /**
     * Reads an event's {@code data} leniently: a field it lacks (or one of the wrong type) is
     * null, the path empty and {@code data} an empty map, so a consumer never fails on an event
     * another writer shaped differently.
     */
    public static NodeEvent read(Map<String, Object> eventData) {
        Map<String, Object> d = eventData == null ? Map.of() : eventData;
        List<String> path = d.get("path") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = d.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new NodeEvent(text(d, "op"), text(d, "id"), text(d, "kind"), text(d, "name"), path, text(d, "group"),
                text(d, "state"), text(d, "result"), text(d, "owner"), data, Boolean.TRUE.equals(d.get("is_hierarchy")),
                text(d, "previous_state"), text(d, "previous_result"));
    }

    private static String text(Map<String, Object> d, String key) {
        Object value = d.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
