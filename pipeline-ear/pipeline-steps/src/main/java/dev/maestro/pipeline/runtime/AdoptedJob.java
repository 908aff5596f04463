package dev.maestro.pipeline.runtime;

/**
 * A job found on its lab after the pipeline restarted (a container still running, or ended and
 * not yet collected), with what watching it on needs: its node and its directory in storage.
 */
public record AdoptedJob(String nodeId, String artifactDirectory, RunningJob job) {
}
