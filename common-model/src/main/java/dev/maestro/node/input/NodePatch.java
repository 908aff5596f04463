package dev.maestro.node.input;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.error.ValidationException.FieldError;
import dev.maestro.node.Node;
import dev.maestro.node.NodeChange;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH /node/{id}}: sets only the fields present in the body, among {@code state},
 * {@code result}, {@code artifacts}, {@code data} (replaced whole), {@code debug},
 * {@code jobfilter}, {@code platform_filter}, {@code timeout}, {@code holdoff} and
 * {@code processed_by_kcidb_bridge}. An explicit {@code null} counts as set ({@code "state": null}
 * leaves the state alone). A body with none of them is 400 {@code No fields to update}; other
 * keys are ignored. Read when applied, after the permission check.
 */
public final class NodePatch implements NodeChange {
    static final Set<String> PATCHABLE = Set.of("state", "result", "artifacts", "data", "debug", "jobfilter",
            "platform_filter", "timeout", "holdoff", "processed_by_kcidb_bridge");

    private final Map<String, Object> body;

    public NodePatch(Map<String, Object> body) {
        this.body = body;
    }

    @Override
    public Node apply(Node stored) {
        if (body.keySet().stream().noneMatch(PATCHABLE::contains)) {
            throw new BadRequestException("No fields to update");
        }
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(body, List.of("body"), errors);
        Node.Builder b = stored.toBuilder();
        if (f.has("state") && f.raw("state") != null) {
            b.state(f.enumValue("state", NodeState::of, NodeReader.STATES, false, stored.state()));
        }
        if (f.has("result")) {
            b.result(f.enumValue("result", NodeResult::of, NodeReader.RESULTS, true, null));
        }
        if (f.has("artifacts")) {
            b.artifacts(f.urls("artifacts", null));
        }
        if (f.has("data")) {
            b.data(f.object("data", true, null));
        }
        if (f.has("debug")) {
            b.debug(f.object("debug", true, null));
        }
        if (f.has("jobfilter")) {
            b.jobfilter(f.stringList("jobfilter", true, null));
        }
        if (f.has("platform_filter")) {
            b.platformFilter(f.stringList("platform_filter", true, null));
        }
        b.timeout(f.timestamp("timeout", false, stored.timeout()));
        b.holdoff(f.timestamp("holdoff", true, stored.holdoff()));
        b.processedByKcidbBridge(f.bool("processed_by_kcidb_bridge", stored.processedByKcidbBridge()));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return b.build();
    }

    /** The flag is kept only when the body sets it (and the state does not change). */
    @Override
    public boolean setsKcidbFlag(Node stored, Node changed) {
        return body.containsKey("processed_by_kcidb_bridge");
    }
}
