package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A runtime that jobs are submitted to.
 *
 * @param timeout the wall-clock limit of a job unless the job's {@code job_timeout} param says otherwise
 * @param keys    the keys of the lab type's own (LAVA's, Docker's…), present exactly for the types that have some
 */
public record RuntimeConfig(String name, LabType labType, Duration timeout, Optional<? extends LabKeys> keys) {

    /** A runtime whose lab type has no keys of its own. */
    public RuntimeConfig(String name, LabType labType, Duration timeout) {
        this(name, labType, timeout, Optional.empty());
    }

    /** The keys of a {@code lab_type: lava} runtime. */
    public Optional<LavaConfig> lava() {
        return keys.filter(LavaConfig.class::isInstance).map(LavaConfig.class::cast);
    }

    /** The keys of a {@code lab_type: docker} runtime. */
    public Optional<DockerRuntimeConfig> docker() {
        return keys.filter(DockerRuntimeConfig.class::isInstance).map(DockerRuntimeConfig.class::cast);
    }
}
