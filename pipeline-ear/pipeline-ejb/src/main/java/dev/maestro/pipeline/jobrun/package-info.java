/**
 * Running jobs: creating a scheduled job's node, submitting it to its runtime, watching it
 * until it ends, storing its log as an artifact, and closing the node
 * ({@code done}/{@code incomplete} with an error code) when the job could not report itself;
 * after a restart, watching again the jobs a runtime kept running meanwhile (a cluster's).
 */
package dev.maestro.pipeline.jobrun;
