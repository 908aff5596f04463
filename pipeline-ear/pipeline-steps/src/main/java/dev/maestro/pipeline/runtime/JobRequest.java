package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A job to run for a node that already exists.
 *
 * @param node               the job's node as the API stores it (it must have an {@code id})
 * @param inheritedArtifacts artifacts of the node's ancestors, nearest first wins (see
 *                           {@code scheduling.InheritedArtifacts}); {@code tarball} is the source
 */
public record JobRequest(Map<String, Object> node, JobConfig job, PlatformConfig platform,
                         Map<String, String> inheritedArtifacts) {

    public JobRequest {
        if (!(node.get("id") instanceof String id) || id.isBlank()) {
            throw new IllegalArgumentException("A job node needs its id: create the node before submitting its job");
        }
        // Nodes come from JSON and hold nulls, which Map.copyOf refuses.
        node = Collections.unmodifiableMap(new LinkedHashMap<>(node));
        inheritedArtifacts = Collections.unmodifiableMap(new LinkedHashMap<>(inheritedArtifacts));
    }

    public String nodeId() {
        return (String) node.get("id");
    }

    /** Where the job's artifacts go in storage: {@code <job name>-<node id>}, as KernelCI does. */
    public String artifactDirectory() {
        return job.name() + "-" + nodeId();
    }

    public Optional<String> tarballUrl() {
        return Optional.ofNullable(inheritedArtifacts.get("tarball"));
    }

    /** The job's {@code job_timeout} param (minutes) when it has one, else the runtime's limit. */
    public Duration timeLimit(RuntimeConfig runtime) {
        if (job.params().get("job_timeout") instanceof Number minutes) {
            return Duration.ofSeconds(Math.round(minutes.doubleValue() * 60));
        }
        return runtime.timeout();
    }
}
