package dev.maestro.node;

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
 * {@code data}/{@code debug}/{@code artifacts} as sub-documents. Reading is lenient: a field a
 * document lacks takes the model default, so documents written by other tools still load.
 */
public final class NodeDocuments {
    /** The stored (and wire) name of the flag KernelCI's KCIDB bridge sets on nodes it has sent. */
    static final String KCIDB_FLAG = "processed_by_kcidb_bridge";

    private NodeDocuments() {
    }

    public static Document toDocument(Node n) {
        Document d = new Document();
        if (n.id() != null) {
            d.append("_id", n.id());
        }
        return d.append("kind", n.kind())
                .append("name", n.name())
                .append("path", n.path())
                .append("group", n.group())
                .append("parent", n.parent())
                .append("state", n.state().value())
                .append("result", n.result() == null ? null : n.result().value())
                .append("artifacts", n.artifacts())
                .append("data", n.data())
                .append("debug", n.debug())
                .append("jobfilter", n.jobfilter())
                .append("platform_filter", n.platformFilter())
                .append("created", date(n.created()))
                .append("updated", date(n.updated()))
                .append("timeout", date(n.timeout()))
                .append("holdoff", date(n.holdoff()))
                .append("owner", n.owner())
                .append("submitter", n.submitter())
                .append("treeid", n.treeid())
                .append("user_groups", n.userGroups())
                .append(KCIDB_FLAG, n.processedByKcidbBridge())
                .append("retry_counter", n.retryCounter());
    }

    /** The fields whose stored value differs between two versions of a node (for a {@code $set}). */
    public static Document changes(Node before, Node after) {
        Document old = toDocument(before);
        Document changed = new Document();
        toDocument(after).forEach((key, value) -> {
            if (!key.equals("_id") && !Objects.equals(old.get(key), value)) {
                changed.append(key, value);
            }
        });
        return changed;
    }

    @SuppressWarnings("unchecked")
    public static Node fromDocument(Document d) {
        Object result = d.get("result");
        return Node.builder()
                .id(d.getObjectId("_id"))
                .kind(d.get("kind") instanceof String k ? k : Node.DEFAULT_KIND)
                .name(d.getString("name"))
                .path(strings(d.get("path"), List.of()))
                .group(d.getString("group"))
                .parent(d.get("parent") instanceof ObjectId p ? p : null)
                .state(d.get("state") instanceof String s ? NodeState.of(s).orElse(NodeState.RUNNING) : NodeState.RUNNING)
                .result(result instanceof String r ? NodeResult.of(r).orElse(null) : null)
                .artifacts(d.containsKey("artifacts") ? (Map<String, String>) (Map<?, ?>) map(d.get("artifacts")) : new LinkedHashMap<>())
                .data(d.containsKey("data") ? map(d.get("data")) : new LinkedHashMap<>())
                .debug(d.containsKey("debug") ? map(d.get("debug")) : new LinkedHashMap<>())
                .jobfilter(strings(d.get("jobfilter"), null))
                .platformFilter(d.containsKey("platform_filter") ? strings(d.get("platform_filter"), null) : new ArrayList<>())
                .created(instant(d.get("created")))
                .updated(instant(d.get("updated")))
                .timeout(instant(d.get("timeout")))
                .holdoff(instant(d.get("holdoff")))
                .owner(d.getString("owner"))
                .submitter(d.getString("submitter"))
                .treeid(d.getString("treeid"))
                .userGroups(strings(d.get("user_groups"), new ArrayList<>()))
                .processedByKcidbBridge(Boolean.TRUE.equals(d.get(KCIDB_FLAG)))
                .retryCounter(d.get("retry_counter") instanceof Number c ? c.intValue() : 0)
                .build();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static List<String> strings(Object value, List<String> absent) {
        if (!(value instanceof List<?> list)) {
            return absent;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) plain(value) : null;
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
