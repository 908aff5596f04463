package dev.maestro.pipeline.lava;

import dev.maestro.node.Hierarchy;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.kind.NodeKinds;
import dev.maestro.pipeline.runtime.ChildData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job node and its results as one hierarchy for {@code NodeService.submitHierarchy}: the
 * job {@code done} with its result, {@code data.device}, the error of an incomplete job and the
 * artifacts (stored logs and those LAVA's job uploaded); each child {@code done}, with its path
 * under its parent, the job's name as {@code group} and the job's data fields children repeat.
 */
public final class LavaHierarchy {
    private static final String NODE_TIMEOUT = "node_timeout";

    private LavaHierarchy() {
    }

    public static Hierarchy of(Node job, LavaResult result, Map<String, String> storedArtifacts, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>(job.data() == null ? Map.of() : job.data());
        if (NODE_TIMEOUT.equals(data.get("error_code"))) {
            // The timeout closed the node before LAVA reported; LAVA's word replaces it, as in KernelCI.
            data.remove("error_code");
            data.remove("error_msg");
        }
        result.device().ifPresent(device -> data.put("device", device));
        if (result.result().equals("incomplete")) {
            String code = result.errorCode().orElse(LavaResultTree.INFRASTRUCTURE);
            String message = result.errorMessage().orElse("");
            if (!NodeKinds.ERROR_CODES.contains(code)) {
                message = "LAVA error type " + code + (message.isEmpty() ? "" : ": " + message);
                code = LavaResultTree.INFRASTRUCTURE;
            }
            data.put("error_code", code);
            data.put("error_msg", message);
        }
        Map<String, String> artifacts = new LinkedHashMap<>(job.artifacts() == null ? Map.of() : job.artifacts());
        artifacts.putAll(result.artifacts());
        artifacts.putAll(storedArtifacts);
        Node root = job.toBuilder().state(NodeState.DONE).result(NodeResult.of(result.result()).orElseThrow())
                .data(data).artifacts(artifacts).build();
        return new Hierarchy(root, children(result.children(), job.path(), job.name(), ChildData.of(data), now));
    }

    private static List<Hierarchy> children(List<LavaResult.Child> children, List<String> parentPath, String group,
                                            Map<String, Object> data, Instant now) {
        List<Hierarchy> out = new ArrayList<>();
        for (LavaResult.Child child : children) {
            List<String> path = new ArrayList<>(parentPath);
            path.add(child.name());
            Node node = Node.newNode(now).kind(child.kind()).name(child.name()).path(path).group(group)
                    .state(NodeState.DONE).result(child.result().flatMap(NodeResult::of).orElse(null))
                    .data(new LinkedHashMap<>(data)).build();
            out.add(new Hierarchy(node, children(child.children(), path, group, data, now)));
        }
        return out;
    }
}
