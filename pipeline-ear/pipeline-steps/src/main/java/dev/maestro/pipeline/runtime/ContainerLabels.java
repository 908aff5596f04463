package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.WireNamed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a job's container says about itself in its labels: enough for a pipeline that restarts
 * to find its jobs' containers and watch them on (node, runtime entry, storage directory, kind,
 * start and time limit), without any state of its own.
 */
record ContainerLabels(String nodeId, String runtime, String artifactDirectory, JobKind kind, Instant started,
                       Duration limit) {
    static final String NODE_ID = "dev.maestro.node-id";
    static final String RUNTIME = "dev.maestro.runtime";
    static final String ARTIFACT_DIRECTORY = "dev.maestro.artifact-directory";
    static final String KIND = "dev.maestro.job-kind";
    static final String STARTED = "dev.maestro.started";
    static final String LIMIT_SECONDS = "dev.maestro.limit-seconds";

    Map<String, String> toMap() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NODE_ID, nodeId);
        labels.put(RUNTIME, runtime);
        labels.put(ARTIFACT_DIRECTORY, artifactDirectory);
        labels.put(KIND, kind.wireName());
        labels.put(STARTED, started.toString());
        labels.put(LIMIT_SECONDS, String.valueOf(limit.toSeconds()));
        return labels;
    }

    /** The labels of a container this pipeline started; empty for any other container (or one with edited labels). */
    static Optional<ContainerLabels> of(Map<String, String> labels) {
        try {
            Optional<JobKind> kind = WireNamed.fromWireName(JobKind.class, String.valueOf(labels.get(KIND)));
            if (labels.get(NODE_ID) == null || labels.get(RUNTIME) == null || labels.get(ARTIFACT_DIRECTORY) == null
                    || kind.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ContainerLabels(labels.get(NODE_ID), labels.get(RUNTIME),
                    labels.get(ARTIFACT_DIRECTORY), kind.get(), Instant.parse(labels.get(STARTED)),
                    Duration.ofSeconds(Long.parseLong(labels.get(LIMIT_SECONDS)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
