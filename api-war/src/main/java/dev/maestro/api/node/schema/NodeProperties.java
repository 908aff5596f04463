package dev.maestro.api.node.schema;

import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.field.NodeField.Nulls;
import dev.maestro.node.field.NodeField.Write;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of the OpenAPI schemas {@code Node} and {@code NodePatch}, derived from
 * common-model's {@link NodeField} table: its fields in its order, their JSON types, which are
 * required, which may be null, the values of states and results. Only the words are added here
 * (descriptions, examples, defaults), so a field added to the table is documented, typed, as it
 * is; its words are optional.
 */
public final class NodeProperties {

    /**
     * One property of a schema.
     *
     * @param type   the JSON type: string, array (of strings), object, boolean or integer
     * @param format {@code int32} for integers, else null
     */
    public record Property(String name, String type, String format, List<String> enumeration, boolean nullable,
                           boolean readOnly, Words words) {
    }

    /** What a property says besides its shape; nulls are left out of the document. */
    public record Words(String description, Object example, Object defaultValue) {
        static final Words NONE = new Words(null, null, null);
    }

    private static final Map<NodeField, Words> NODE_WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(NodeField.ID, new Words("24-hex id, assigned on creation; forbidden in POST", "61bda8f2eb1a63d2b7152418", null)),
            Map.entry(NodeField.KIND, new Words("checkout, kbuild, test, job, process, regression, node or patchset; "
                    + "data is validated per kind", "checkout", "node")),
            Map.entry(NodeField.NAME, new Words(null, "checkout", null)),
            Map.entry(NodeField.PATH, new Words("Names from the root node down to this one", null, null)),
            Map.entry(NodeField.PARENT, new Words("Id of the parent node, which must exist", null, null)),
            Map.entry(NodeField.STATE, new Words("Moves only forward: running → available → closing → done", null, "running")),
            Map.entry(NodeField.ARTIFACTS, new Words("Name → http(s) URL", null, null)),
            Map.entry(NodeField.DATA, new Words("Per-kind data, e.g. kernel_revision {tree, url, branch, commit}", null, null)),
            Map.entry(NodeField.CREATED, new Words(null, "2024-02-01T09:58:28.479000", null)),
            Map.entry(NodeField.UPDATED, new Words("Set to now on every update", null, null)),
            Map.entry(NodeField.TIMEOUT, new Words("Defaults to creation + 6 h", null, null)),
            Map.entry(NodeField.OWNER, new Words("Username of the creator (set by the API)", null, null)),
            Map.entry(NodeField.USER_GROUPS, new Words("Groups whose members may edit the node (unique, must exist)", null, null)),
            Map.entry(NodeField.PROCESSED_BY_KCIDB_BRIDGE, new Words("Reset by every update that does not set it", null, false)),
            Map.entry(NodeField.RETRY_COUNTER, new Words(null, null, 0))));

    private static final Map<NodeField, Words> PATCH_WORDS = new EnumMap<>(Map.of(
            NodeField.STATE, NODE_WORDS.get(NodeField.STATE),
            NodeField.ARTIFACTS, new Words("Replaces the node's artifacts (name → http(s) URL)", null, null),
            NodeField.DATA, new Words("Replaces the whole data object", null, null),
            NodeField.DEBUG, new Words("Replaces the whole debug object", null, null),
            NodeField.JOBFILTER, new Words("Replaces the list", null, null),
            NodeField.PLATFORM_FILTER, new Words("Replaces the list", null, null),
            NodeField.TIMEOUT, new Words("UTC ISO-8601 (see Node)", null, null),
            NodeField.HOLDOFF, new Words("UTC ISO-8601 (see Node)", null, null)));

    private NodeProperties() {
    }

    /**
     * A node's properties: every field. The id is read-only (the server assigns it); any other
     * field is nullable when a created node may hold null there.
     */
    public static List<Property> node() {
        return NodeField.all().stream().map(f -> property(f, f != NodeField.ID && f.nullable(), f == NodeField.ID,
                NODE_WORDS.getOrDefault(f, Words.NONE))).toList();
    }

    /** The wire names of the fields a created or replacing node must have. */
    public static List<String> required() {
        return NodeField.all().stream().filter(f -> f.write() == Write.REQUIRED).map(NodeField::wire).toList();
    }

    /** A patch's properties: the patchable fields, nullable unless a null is refused (a patch's null may mean "unchanged"). */
    public static List<Property> patch() {
        return NodeField.patchable().stream().map(f -> property(f, f.nulls() != Nulls.REFUSED, false,
                PATCH_WORDS.getOrDefault(f, Words.NONE))).toList();
    }

    private static Property property(NodeField f, boolean nullable, boolean readOnly, Words words) {
        String type = switch (f.type()) {
            case OBJECT_ID, STRING, STATE, RESULT, TIMESTAMP -> "string";
            case STRINGS, UNIQUE_STRINGS -> "array";
            case URLS, OBJECT -> "object";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
        };
        List<String> values = switch (f.type()) {
            case STATE -> Arrays.stream(NodeState.values()).map(NodeState::value).toList();
            case RESULT -> Arrays.stream(NodeResult.values()).map(NodeResult::value).toList();
            default -> List.of();
        };
        return new Property(f.wire(), type, f.type() == NodeField.Type.INTEGER ? "int32" : null, values, nullable, readOnly,
                words);
    }
}
