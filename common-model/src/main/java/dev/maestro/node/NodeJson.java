package dev.maestro.node;

import dev.maestro.node.field.NodeField;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * A node as KernelCI's clients read it: the 23 keys of {@link NodeField} in KernelCI's order,
 * {@code id} and {@code parent} as hex strings, timestamps in Python's isoformat without offset.
 */
public final class NodeJson {
    private static final List<NodeField> FIELDS = NodeField.all();
    /** Room for every key without rehashing (the default load factor is 0.75). */
    private static final int CAPACITY = FIELDS.size() * 4 / 3 + 1;

    private NodeJson() {
    }

    public static Map<String, Object> toJson(Node n) {
        Map<String, Object> m = new LinkedHashMap<>(CAPACITY);
        for (NodeField f : FIELDS) {
            m.put(f.wire(), json(f, n.value(f)));
        }
        return m;
    }

    private static Object json(NodeField f, Object value) {
        if (value == null) {
            return null;
        }
        return switch (f.type()) {
            case OBJECT_ID -> ((ObjectId) value).toHexString();
            case STATE -> ((NodeState) value).value();
            case RESULT -> ((NodeResult) value).value();
            case TIMESTAMP -> Timestamps.format((Instant) value);
            case STRING, STRINGS, UNIQUE_STRINGS, URLS, OBJECT, BOOLEAN, INTEGER -> value;
        };
    }
}
