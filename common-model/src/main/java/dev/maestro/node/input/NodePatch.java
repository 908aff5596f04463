package dev.maestro.node.input;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.Node;
import dev.maestro.node.NodeChange;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.field.NodeField.Nulls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /node/{id}}: sets only the fields present in the body, among the patchable ones of
 * {@link NodeField} ({@code state}, {@code result}, {@code artifacts}, {@code data} (replaced
 * whole), {@code debug}, {@code jobfilter}, {@code platform_filter}, {@code timeout},
 * {@code holdoff} and {@code processed_by_kcidb_bridge}), each read as {@link NodeReader} reads
 * it. An explicit {@code null} counts as set ({@code "state": null} leaves the state alone). A
 * body with none of them is 400 {@code No fields to update}; other keys are ignored. Read when
 * applied, after the permission check.
 */
public final class NodePatch implements NodeChange {
    private static final List<NodeField> PATCHABLE = NodeField.patchable();

    private final Map<String, Object> body;

    public NodePatch(Map<String, Object> body) {
        this.body = body;
    }

    @Override
    public Node apply(Node stored) {
        if (!setsAny()) {
            throw new BadRequestException("No fields to update");
        }
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(body, List.of("body"), errors);
        Node.Builder b = stored.toBuilder();
        for (NodeField field : PATCHABLE) {
            String key = field.wire();
            if (f.has(key) && (f.raw(key) != null || field.nulls() != Nulls.IGNORED_BY_PATCH)) {
                b.set(field, NodeReader.value(f, field, key));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return b.build();
    }

    private boolean setsAny() {
        for (NodeField field : PATCHABLE) {
            if (body.containsKey(field.wire())) {
                return true;
            }
        }
        return false;
    }

    /** The flag is kept only when the body sets it (and the state does not change). */
    @Override
    public boolean setsKcidbFlag(Node stored, Node changed) {
        return body.containsKey(NodeField.PROCESSED_BY_KCIDB_BRIDGE.wire());
    }
}
