/**
 * Running jobs: creating a scheduled job's node, submitting it to its runtime, watching it
 * until it ends, storing its log as an artifact, and closing the node
 * ({@code done}/{@code incomplete} with an error code) when the job could not report itself.
 */
package dev.maestro.pipeline.jobrun;
