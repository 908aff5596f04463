package dev.maestro.node;

import dev.maestro.node.field.NodeField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Maps nodes to and from documents of the {@code node} collection, with KernelCI's shape:
 * {@code _id} and {@code parent} as ObjectIds, timestamps as BSON dates, enums as their strings,
 * {@code data}/{@code debug}/{@code artifacts} as sub-documents, the fields in {@link NodeField}'s
 * order and converted by their type. Reading is lenient: a field a document lacks, or holds with
 * a value of another type, takes the model default (null where the field is nullable and the
 * document has the key), so documents written by other tools still load.
 */
public final class NodeDocuments {
    private static final List<NodeField> FIELDS = NodeField.all();

    private NodeDocuments() {
    }

    public static Document toDocument(Node n) {
        Document d = new Document();
        for (NodeField f : FIELDS) {
            Object value = stored(f, n.value(f));
            // A node not stored yet has no id: MongoDB gives it one.
            if (value != null || f != NodeField.ID) {
                d.append(f.stored(), value);
            }
        }
        return d;
    }

    /** The fields whose stored value differs between two versions of a node (for a {@code $set}). */
    public static Document changes(Node before, Node after) {
        Document changed = new Document();
        for (NodeField f : FIELDS) {
            if (f == NodeField.ID) {
                continue;
            }
            Object old = before.value(f);
            Object now = after.value(f);
            if (Objects.equals(old, now)) {
                continue;
            }
            Object stored = stored(f, now);
            if (!Objects.equals(stored(f, old), stored)) {
                changed.append(f.stored(), stored);
            }
        }
        return changed;
    }

    public static Node fromDocument(Document d) {
        Node.Builder b = Node.builder();
        for (NodeField f : FIELDS) {
            Object value = model(f, d.get(f.stored()));
            if (value != null || (f.nullable() && d.containsKey(f.stored()))) {
                b.set(f, value);
            }
        }
        return b.build();
    }

    private static Object stored(NodeField f, Object value) {
        if (value == null) {
            return null;
        }
        return switch (f.type()) {
            case STATE -> ((NodeState) value).value();
            case RESULT -> ((NodeResult) value).value();
            case TIMESTAMP -> Date.from((Instant) value);
            case OBJECT_ID, STRING, STRINGS, UNIQUE_STRINGS, URLS, OBJECT, BOOLEAN, INTEGER -> value;
        };
    }

    /** The model value of a stored one, or null when it is absent or of another type. */
    private static Object model(NodeField f, Object value) {
        return switch (f.type()) {
            case OBJECT_ID -> value instanceof ObjectId ? value : null;
            case STRING -> value instanceof String ? value : null;
            case STRINGS, UNIQUE_STRINGS -> value instanceof List<?> list ? strings(list) : null;
            case STATE -> value instanceof String s ? NodeState.of(s).orElse(null) : null;
            case RESULT -> value instanceof String s ? NodeResult.of(s).orElse(null) : null;
            case URLS, OBJECT -> value instanceof Map<?, ?> ? plain(value) : null;
            case TIMESTAMP -> value instanceof Date date ? date.toInstant() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case INTEGER -> value instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        };
    }

    private static List<String> strings(List<?> list) {
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    /** Sub-documents become plain maps (so that equality and JSON do not depend on BSON types). */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof ObjectId oid) {
            return oid.toHexString();
        }
        return value;
    }
}
