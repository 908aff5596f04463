package dev.maestro.pipeline.results;

import java.util.Map;
import java.util.Optional;

/**
 * The submitter of a patchset from Patchwork, when its project opted in to mailing them the
 * report: {@code data.patchwork.submitter.email} of a node whose {@code data.patchwork.mail_submitter}
 * is true.
 */
public final class PatchsetSubmitter {
    private PatchsetSubmitter() {
    }

    public static Optional<String> optedIn(Map<String, Object> node) {
        Map<String, Object> patchwork = NodeMaps.map(NodeMaps.data(node).get("patchwork"));
        if (!Boolean.TRUE.equals(patchwork.get("mail_submitter"))) {
            return Optional.empty();
        }
        return Optional.ofNullable(NodeMaps.text(NodeMaps.map(patchwork.get("submitter")).get("email")));
    }
}
