package dev.maestro.pipeline.config;

import java.time.Duration;

/**
 * A runtime that jobs are submitted to.
 *
 * @param timeout the wall-clock limit of a job unless the job's {@code job_timeout} param says otherwise
 */
public record RuntimeConfig(String name, LabType labType, Duration timeout) {
}
