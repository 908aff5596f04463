package dev.maestro.pipeline.runtime;

import dev.maestro.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a job template may use as {@code {{name}}}: the platform's params, then the job's
 * params, then what the pipeline knows about the node, which wins so that no param can pass
 * itself off as, say, the node id. Lists and maps are given as JSON text.
 */
final class TemplateValues {
    private TemplateValues() {
    }

    static Map<String, String> of(JobRequest request, String artifactUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        request.platform().params().forEach((k, v) -> values.put(k, text(v)));
        request.job().params().forEach((k, v) -> values.put(k, text(v)));
        Map<String, Object> node = request.node();
        Map<String, Object> data = map(node.get("data"));
        Map<String, Object> revision = map(data.get("kernel_revision"));
        Map<String, Object> version = map(revision.get("version"));
        values.put("node_id", request.nodeId());
        values.put("job_name", request.job().name());
        values.put("kind", request.job().kind().wireName());
        values.put("group", text(node.get("group")));
        values.put("path_json", Json.write(node.getOrDefault("path", List.of())));
        values.put("runtime", text(data.get("runtime")));
        values.put("platform", request.platform().name());
        values.put("arch", text(data.get("arch")));
        values.put("tree", text(revision.get("tree")));
        values.put("tree_url", text(revision.get("url")));
        values.put("branch", text(revision.get("branch")));
        values.put("commit", text(revision.get("commit")));
        values.put("describe", text(revision.get("describe")));
        values.put("version", text(version.get("version")));
        values.put("patchlevel", text(version.get("patchlevel")));
        values.put("sublevel", text(version.get("sublevel")));
        values.put("version_extra", text(version.get("extra")));
        values.put("krev", version.containsKey("version") ? version.get("version") + "." + version.get("patchlevel") : "");
        values.put("child_data_json", Json.write(ChildData.of(data)));
        values.put("tarball_url", request.tarballUrl().orElse(""));
        values.put("artifact_dir", request.artifactDirectory());
        values.put("artifact_url", artifactUrl);
        request.inheritedArtifacts().forEach((name, url) -> values.put("artifact_" + placeholderName(name), url));
        return values;
    }

    /** Artifact names such as {@code build_log} or {@code _config} are placeholders once lower-cased. */
    static String placeholderName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Json.write(value);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
