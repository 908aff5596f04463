package dev.maestro.pipeline.results;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The submitter of a patchset from a Patchwork project that opted in to mailing them the report
 * ({@code mail_submitter}): {@code data.patchset.submitter_email} of a node whose
 * {@code data.patchset.project} names such a project of the configuration.
 */
public final class PatchsetSubmitter {
    private PatchsetSubmitter() {
    }

    public static Optional<String> optedIn(Map<String, Object> node, PipelineConfig config) {
        Map<String, Object> origin = NodeMaps.map(NodeMaps.data(node).get("patchset"));
        PatchworkConfig project = config.patchwork().get(NodeMaps.text(origin.get("project")));
        if (project == null || !project.mailSubmitter()) {
            return Optional.empty();
        }
        return Optional.ofNullable(NodeMaps.text(origin.get("submitter_email"))).filter(e -> !e.isBlank());
    }
}
