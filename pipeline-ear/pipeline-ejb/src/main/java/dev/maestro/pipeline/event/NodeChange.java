package dev.maestro.pipeline.event;

import java.util.List;
import java.util.Map;

/**
 * The node change a {@code node} channel event announces (KernelCI's event data: {@code op, id,
 * kind, name, path, group, state, result, owner, is_hierarchy}, plus {@code previous_state} and
 * {@code previous_result} on updates). Fields the event does not carry are null.
 */
public record NodeChange(String op, String id, String kind, String name, List<String> path, String group,
                         String state, String result, String owner, boolean hierarchy,
                         String previousState, String previousResult) {

    public static NodeChange of(EventEnvelope envelope) {
        Map<String, Object> d = envelope.data();
        List<String> path = d.get("path") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new NodeChange(text(d, "op"), text(d, "id"), text(d, "kind"), text(d, "name"), path, text(d, "group"),
                text(d, "state"), text(d, "result"), text(d, "owner"), Boolean.TRUE.equals(d.get("is_hierarchy")),
                text(d, "previous_state"), text(d, "previous_result"));
    }

    private static String text(Map<String, Object> data, String key) {
        return EventEnvelope.text(data.get(key));
    }
}
