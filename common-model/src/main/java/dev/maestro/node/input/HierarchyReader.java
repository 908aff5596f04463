package dev.maestro.node.input;

import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.Hierarchy;
import dev.maestro.node.Node;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code {"node": {...}, "child_nodes": [{"node": ..., "child_nodes": [...]}, ...]}}
 * ({@code child_nodes} required at every level). Every node is read as by {@link NodeReader};
 * all shape errors of the whole tree come back in one 422, located like
 * {@code ["body", "child_nodes", 0, "node", "name"]}.
 */
public final class HierarchyReader {
    private HierarchyReader() {
    }

    public static Hierarchy read(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Hierarchy tree = read(body, List.of("body"), errors, Timestamps.now());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return tree;
    }

    private static Hierarchy read(Map<String, Object> body, List<Object> loc, List<FieldError> errors, Instant now) {
        FieldReader f = new FieldReader(body, loc, errors);
        Node node = null;
        if (!f.has("node")) {
            f.error("node", "missing", "Field required");
        } else if (f.raw("node") instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> nodeBody = (Map<String, Object>) m;
            node = NodeReader.read(nodeBody, f.at("node"), errors, now);
        } else {
            f.error("node", "model_attributes_type", "Input should be a valid dictionary or object");
        }
        List<Hierarchy> children = new ArrayList<>();
        if (!f.has("child_nodes")) {
            f.error("child_nodes", "missing", "Field required");
        } else if (f.raw("child_nodes") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> child = (Map<String, Object>) m;
                    children.add(read(child, f.at("child_nodes", i), errors, now));
                } else {
                    errors.add(new FieldError(f.at("child_nodes", i), "Input should be a valid dictionary or object",
                            "model_attributes_type"));
                }
            }
        } else {
            f.error("child_nodes", "list_type", "Input should be a valid list");
        }
        return new Hierarchy(node, children);
    }
}
