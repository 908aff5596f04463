package dev.maestro.pipeline.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The artifacts a job may use: those of the node it runs for and of that node's ancestors, the
 * nearest winning. A test on a build thus sees the build's {@code kernel} and the checkout's
 * {@code tarball}.
 */
public final class InheritedArtifacts {
    private InheritedArtifacts() {
    }

    /** @param nodesNearestFirst the triggering node, its parent, and so on up to the checkout */
    public static Map<String, String> of(List<Map<String, Object>> nodesNearestFirst) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Map<String, Object> node : nodesNearestFirst) {
            if (node.get("artifacts") instanceof Map<?, ?> map) {
                map.forEach((name, url) -> {
                    if (name != null && url != null) {
                        artifacts.putIfAbsent(String.valueOf(name), String.valueOf(url));
                    }
                });
            }
        }
        return artifacts;
    }
}
