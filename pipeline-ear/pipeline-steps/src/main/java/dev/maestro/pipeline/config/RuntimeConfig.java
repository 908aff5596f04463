package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A runtime that jobs are submitted to.
 *
 * @param timeout the wall-clock limit of a job unless the job's {@code job_timeout} param says otherwise
 * @param lava    the keys of a {@code lab_type: lava} runtime (present exactly for that type)
 */
public record RuntimeConfig(String name, LabType labType, Duration timeout, Optional<LavaConfig> lava) {

    public RuntimeConfig(String name, LabType labType, Duration timeout) {
        this(name, labType, timeout, Optional.empty());
    }
}
