package dev.maestro.pipeline.runtime;

/**
 * A job found running again after a restart of the pipeline.
 *
 * @param nodeId            the id of the job's node
 * @param artifactDirectory where its log goes in storage, as {@link JobRequest#artifactDirectory()} said
 */
public record AdoptedJob(String nodeId, String artifactDirectory, RunningJob job) {
}
