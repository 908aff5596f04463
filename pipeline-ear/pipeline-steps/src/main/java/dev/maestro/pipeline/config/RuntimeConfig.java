package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A runtime that jobs are submitted to.
 *
 * @param timeout the wall-clock limit of a job unless the job's {@code job_timeout} param says otherwise
 * @param docker  the Docker keys, present exactly when the lab type is {@code docker}
 */
public record RuntimeConfig(String name, LabType labType, Duration timeout, Optional<DockerRuntimeConfig> docker) {

    /** A runtime whose lab type has no keys of its own. */
    public RuntimeConfig(String name, LabType labType, Duration timeout) {
        this(name, labType, timeout, Optional.empty());
    }
}
