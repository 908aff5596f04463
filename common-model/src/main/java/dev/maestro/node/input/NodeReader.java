package dev.maestro.node.input;

import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * Reads a request body as a complete node, KernelCI's generic {@code Node} model: required
 * {@code name} and {@code path}, strict types, enums, http(s) artifact URLs, unique
 * {@code user_groups}, and defaults for everything omitted ({@code created}/{@code updated} now,
 * {@code timeout} now + 6 h). Shape and type errors are one 422 listing them all. Unknown keys
 * are ignored; {@code id} (or {@code _id}) is read so that the caller can refuse or use it.
 */
public final class NodeReader {
    static final List<String> STATES = Arrays.stream(NodeState.values()).map(NodeState::value).toList();
    static final List<String> RESULTS = Arrays.stream(NodeResult.values()).map(NodeResult::value).toList();

    private NodeReader() {
    }

    /** The body of {@code POST /node} or {@code PUT /node/{id}}. */
    public static Node read(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        Node node = read(body, List.of("body"), errors, Timestamps.now());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return node;
    }

    /** Reads one node located at {@code loc}, adding its errors to {@code errors}. */
    static Node read(Map<String, Object> body, List<Object> loc, List<FieldError> errors, Instant now) {
        FieldReader f = new FieldReader(body, loc, errors);
        List<String> userGroups = f.stringList("user_groups", false, new ArrayList<>());
        if (new HashSet<>(userGroups).size() != userGroups.size()) {
            f.error("user_groups", "value_error", "Value error, user_groups must be unique");
        }
        return Node.builder()
                .id(id(f))
                .kind(f.string("kind", false, Node.DEFAULT_KIND))
                .name(f.requiredString("name"))
                .path(f.requiredStringList("path"))
                .group(f.string("group", true, null))
                .parent(f.objectId("parent"))
                .state(f.enumValue("state", NodeState::of, STATES, false, NodeState.RUNNING))
                .result(f.enumValue("result", NodeResult::of, RESULTS, true, null))
                .artifacts(f.urls("artifacts", new LinkedHashMap<>()))
                .data(f.object("data", true, new LinkedHashMap<>()))
                .debug(f.object("debug", true, new LinkedHashMap<>()))
                .jobfilter(f.stringList("jobfilter", true, null))
                .platformFilter(f.stringList("platform_filter", true, new ArrayList<>()))
                .created(f.timestamp("created", false, now))
                .updated(f.timestamp("updated", false, now))
                .timeout(f.timestamp("timeout", false, now.plus(Node.DEFAULT_TIMEOUT)))
                .holdoff(f.timestamp("holdoff", true, null))
                .owner(f.string("owner", true, null))
                .submitter(f.string("submitter", true, null))
                .treeid(f.string("treeid", true, null))
                .userGroups(userGroups)
                .processedByKcidbBridge(f.bool("processed_by_kcidb_bridge", false))
                .retryCounter(f.strictInt("retry_counter", 0))
                .build();
    }

    private static ObjectId id(FieldReader f) {
        return f.has("id") ? f.objectId("id") : f.objectId("_id");
    }
}
