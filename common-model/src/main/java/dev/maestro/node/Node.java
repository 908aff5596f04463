package dev.maestro.node;

import dev.maestro.node.field.NodeField;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * A node: KernelCI's one document type (a checkout, a build, a test, a job…), with its 23 fields
 * in KernelCI's order, declared with their names and types in {@link NodeField}. {@code id} is
 * null until the node is stored. Timestamps are UTC instants at millisecond precision (what
 * MongoDB keeps). Collections may be null where KernelCI allows
 * null ({@code artifacts}, {@code data}, {@code debug}, {@code jobfilter},
 * {@code platform_filter}); treat them as read-only and change a node through {@link #toBuilder()}.
 */
public record Node(ObjectId id, String kind, String name, List<String> path, String group, ObjectId parent,
                   NodeState state, NodeResult result, Map<String, String> artifacts, Map<String, Object> data,
                   Map<String, Object> debug, List<String> jobfilter, List<String> platformFilter,
                   Instant created, Instant updated, Instant timeout, Instant holdoff,
                   String owner, String submitter, String treeid, List<String> userGroups,
                   boolean processedByKcidbBridge, int retryCounter) {

    /** KernelCI's default lifetime of a node: {@code timeout} is creation time plus this. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);

    /** The kind a node has when the client names none. */
    public static final String DEFAULT_KIND = "node";

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for a node created in code at {@code now}: the defaults of {@link #builder()},
     * {@code created} and {@code updated} now and {@code timeout} now + {@link #DEFAULT_TIMEOUT},
     * which is what reading a {@code POST /node} body that omits them gives.
     */
    public static Builder newNode(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new Builder().created(at).updated(at).timeout(at.plus(DEFAULT_TIMEOUT));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The {@code data.runtime} value when it is a non-empty string (it widens who may edit). */
    public String runtime() {
        Object runtime = data == null ? null : data.get("runtime");
        return runtime instanceof String s && !s.isEmpty() ? s : null;
    }

    /**
     * This node with result {@code incomplete} and KernelCI's error fields set
     * ({@code data.error_code}, {@code data.error_msg}), the rest of {@code data} kept: how the
     * system closes a node whose work could not finish (timed out, failed checkout, failed job).
     */
    public Node incomplete(String errorCode, String errorMessage) {
        Map<String, Object> withError = new LinkedHashMap<>(data == null ? Map.of() : data);
        withError.put("error_code", errorCode);
        withError.put("error_msg", errorMessage);
        return toBuilder().result(NodeResult.INCOMPLETE).data(withError).build();
    }

    /**
     * The value of one field, as this record holds it ({@link NodeState}, {@link NodeResult},
     * {@link Instant}, boxed booleans and integers): what the mappings convert by the field's type.
     */
    public Object value(NodeField field) {
        return switch (field) {
            case ID -> id;
            case KIND -> kind;
            case NAME -> name;
            case PATH -> path;
            case GROUP -> group;
            case PARENT -> parent;
            case STATE -> state;
            case RESULT -> result;
            case ARTIFACTS -> artifacts;
            case DATA -> data;
            case DEBUG -> debug;
            case JOBFILTER -> jobfilter;
            case PLATFORM_FILTER -> platformFilter;
            case CREATED -> created;
            case UPDATED -> updated;
            case TIMEOUT -> timeout;
            case HOLDOFF -> holdoff;
            case OWNER -> owner;
            case SUBMITTER -> submitter;
            case TREEID -> treeid;
            case USER_GROUPS -> userGroups;
            case PROCESSED_BY_KCIDB_BRIDGE -> processedByKcidbBridge;
            case RETRY_COUNTER -> retryCounter;
        };
    }

    /** This node with {@code more} artifacts added, replacing those of the same name. */
    public Node withArtifacts(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(artifacts == null ? Map.of() : artifacts);
        merged.putAll(more);
        return toBuilder().artifacts(merged).build();
    }

    /**
     * Builds nodes. A new builder holds KernelCI's defaults ({@code kind=node}, {@code running},
     * empty artifacts/data/debug/platform_filter/user_groups, flag false, counter 0); timestamps
     * start null and are set by whoever reads the request.
     */
    public static final class Builder {
        private ObjectId id;
        private String kind = DEFAULT_KIND;
        private String name;
        private List<String> path = List.of();
        private String group;
        private ObjectId parent;
        private NodeState state = NodeState.RUNNING;
        private NodeResult result;
        private Map<String, String> artifacts = new LinkedHashMap<>();
        private Map<String, Object> data = new LinkedHashMap<>();
        private Map<String, Object> debug = new LinkedHashMap<>();
        private List<String> jobfilter;
        private List<String> platformFilter = new ArrayList<>();
        private Instant created;
        private Instant updated;
        private Instant timeout;
        private Instant holdoff;
        private String owner;
        private String submitter;
        private String treeid;
        private List<String> userGroups = new ArrayList<>();
        private boolean processedByKcidbBridge;
        private int retryCounter;

        private Builder() {
        }

        private Builder(Node n) {
            id = n.id;
            kind = n.kind;
            name = n.name;
            path = n.path;
            group = n.group;
            parent = n.parent;
            state = n.state;
            result = n.result;
            artifacts = n.artifacts;
            data = n.data;
            debug = n.debug;
            jobfilter = n.jobfilter;
            platformFilter = n.platformFilter;
            created = n.created;
            updated = n.updated;
            timeout = n.timeout;
            holdoff = n.holdoff;
            owner = n.owner;
            submitter = n.submitter;
            treeid = n.treeid;
            userGroups = n.userGroups;
            processedByKcidbBridge = n.processedByKcidbBridge;
            retryCounter = n.retryCounter;
        }

        public Builder id(ObjectId v) {
            id = v;
            return this;
        }

        public Builder kind(String v) {
            kind = v;
            return this;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder path(List<String> v) {
            path = v;
            return this;
        }

        public Builder group(String v) {
            group = v;
            return this;
        }

        public Builder parent(ObjectId v) {
            parent = v;
            return this;
        }

        public Builder state(NodeState v) {
            state = v;
            return this;
        }

        public Builder result(NodeResult v) {
            result = v;
            return this;
        }

        public Builder artifacts(Map<String, String> v) {
            artifacts = v;
            return this;
        }

        public Builder data(Map<String, Object> v) {
            data = v;
            return this;
        }

        public Builder debug(Map<String, Object> v) {
            debug = v;
            return this;
        }

        public Builder jobfilter(List<String> v) {
            jobfilter = v;
            return this;
        }

        public Builder platformFilter(List<String> v) {
            platformFilter = v;
            return this;
        }

        public Builder created(Instant v) {
            created = v;
            return this;
        }

        public Builder updated(Instant v) {
            updated = v;
            return this;
        }

        public Builder timeout(Instant v) {
            timeout = v;
            return this;
        }

        public Builder holdoff(Instant v) {
            holdoff = v;
            return this;
        }

        public Builder owner(String v) {
            owner = v;
            return this;
        }

        public Builder submitter(String v) {
            submitter = v;
            return this;
        }

        public Builder treeid(String v) {
            treeid = v;
            return this;
        }

        public Builder userGroups(List<String> v) {
            userGroups = v;
            return this;
        }

        public Builder processedByKcidbBridge(boolean v) {
            processedByKcidbBridge = v;
            return this;
        }

        public Builder retryCounter(int v) {
            retryCounter = v;
            return this;
        }

        /**
         * Sets one field from a value of the type {@link Node#value} gives for it (a wrong type is
         * a {@link ClassCastException}, a programming error).
         */
        @SuppressWarnings("unchecked")
        public Builder set(NodeField field, Object v) {
            return switch (field) {
                case ID -> id((ObjectId) v);
                case KIND -> kind((String) v);
                case NAME -> name((String) v);
                case PATH -> path((List<String>) v);
                case GROUP -> group((String) v);
                case PARENT -> parent((ObjectId) v);
                case STATE -> state((NodeState) v);
                case RESULT -> result((NodeResult) v);
                case ARTIFACTS -> artifacts((Map<String, String>) v);
                case DATA -> data((Map<String, Object>) v);
                case DEBUG -> debug((Map<String, Object>) v);
                case JOBFILTER -> jobfilter((List<String>) v);
                case PLATFORM_FILTER -> platformFilter((List<String>) v);
                case CREATED -> created((Instant) v);
                case UPDATED -> updated((Instant) v);
                case TIMEOUT -> timeout((Instant) v);
                case HOLDOFF -> holdoff((Instant) v);
                case OWNER -> owner((String) v);
                case SUBMITTER -> submitter((String) v);
                case TREEID -> treeid((String) v);
                case USER_GROUPS -> userGroups((List<String>) v);
                case PROCESSED_BY_KCIDB_BRIDGE -> processedByKcidbBridge((Boolean) v);
                case RETRY_COUNTER -> retryCounter((Integer) v);
            };
        }

        public Node build() {
            return new Node(id, kind, name, path, group, parent, state, result, artifacts, data, debug, jobfilter,
                    platformFilter, created, updated, timeout, holdoff, owner, submitter, treeid, userGroups,
                    processedByKcidbBridge, retryCounter);
        }
    }
}
