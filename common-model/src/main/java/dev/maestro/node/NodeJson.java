package dev.maestro.node;

import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * A node as KernelCI's clients read it: the 23 keys in KernelCI's order, {@code id} and
 * {@code parent} as hex strings, timestamps in Python's isoformat without offset.
 */
public final class NodeJson {
    private NodeJson() {
    }

    public static Map<String, Object> toJson(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", hex(n.id()));
        m.put("kind", n.kind());
        m.put("name", n.name());
        m.put("path", n.path());
        m.put("group", n.group());
        m.put("parent", hex(n.parent()));
        m.put("state", n.state().value());
        m.put("result", n.result() == null ? null : n.result().value());
        m.put("artifacts", n.artifacts());
        m.put("data", n.data());
        m.put("debug", n.debug());
        m.put("jobfilter", n.jobfilter());
        m.put("platform_filter", n.platformFilter());
        m.put("created", time(n.created()));
        m.put("updated", time(n.updated()));
        m.put("timeout", time(n.timeout()));
        m.put("holdoff", time(n.holdoff()));
        m.put("owner", n.owner());
        m.put("submitter", n.submitter());
        m.put("treeid", n.treeid());
        m.put("user_groups", n.userGroups());
        m.put("processed_by_kcidb_bridge", n.processedByKcidbBridge());
        m.put("retry_counter", n.retryCounter());
        return m;
    }

    private static String hex(ObjectId id) {
        return id == null ? null : id.toHexString();
    }

    private static String time(Instant t) {
        return t == null ? null : Timestamps.format(t);
    }
}
