package dev.maestro.node.input;

import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.field.NodeField.Write;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body as a complete node, KernelCI's generic {@code Node} model: the fields of
 * {@link NodeField} with their types and nullability, required {@code name} and {@code path},
 * enums, http(s) artifact URLs, unique {@code user_groups}, and defaults for everything omitted
 * ({@code created}/{@code updated} now, {@code timeout} now + 6 h). Shape and type errors are one
 * 422 listing them all, in field order. Unknown keys are ignored; {@code id} (or {@code _id}) is
 * read so that the caller can refuse or use it.
 */
public final class NodeReader {
    static final List<String> STATES = Arrays.stream(NodeState.values()).map(NodeState::value).toList();
    static final List<String> RESULTS = Arrays.stream(NodeResult.values()).map(NodeResult::value).toList();
    private static final List<NodeField> FIELDS = NodeField.all();

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
        Node.Builder b = Node.newNode(now);
        for (NodeField field : FIELDS) {
            String key = field.hasStoredAlias() && !f.has(field.wire()) ? field.stored() : field.wire();
            if (f.has(key) || field.write() == Write.REQUIRED) {
                b.set(field, value(f, field, key));
            }
        }
        return b.build();
    }

    /**
     * The value of {@code field} given under {@code key}, read by the field's type, or with an
     * error added (the value is then of no use: the caller throws). A required field that is
     * missing is an error; for any other, the caller checks that the key is present.
     */
    static Object value(FieldReader f, NodeField field, String key) {
        boolean required = field.write() == Write.REQUIRED;
        boolean nullable = field.nullable();
        return switch (field.type()) {
            case OBJECT_ID -> f.objectId(key);
            case STRING -> required ? f.requiredString(key) : f.string(key, nullable, null);
            case STRINGS -> required ? f.requiredStringList(key) : f.stringList(key, nullable, null);
            case UNIQUE_STRINGS -> unique(f, key, f.stringList(key, nullable, null));
            case STATE -> f.enumValue(key, NodeState::of, STATES, nullable, null);
            case RESULT -> f.enumValue(key, NodeResult::of, RESULTS, nullable, null);
            case URLS -> f.urls(key, null);
            case OBJECT -> f.object(key, nullable, null);
            case TIMESTAMP -> f.timestamp(key, nullable, null);
            case BOOLEAN -> f.bool(key, false);
            case INTEGER -> f.strictInt(key, 0);
        };
    }

    private static List<String> unique(FieldReader f, String key, List<String> values) {
        if (values != null && new HashSet<>(values).size() != values.size()) {
            f.error(key, "value_error", "Value error, " + key + " must be unique");
        }
        return values;
    }
}
