package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A runtime that jobs are submitted to.
 *
 * @param timeout    the wall-clock limit of a job unless the job's {@code job_timeout} param says otherwise
 * @param kubernetes the cluster settings of a {@code lab_type: kubernetes} runtime, absent for others
 */
public record RuntimeConfig(String name, LabType labType, Duration timeout, Optional<KubernetesConfig> kubernetes) {

    /** A runtime with no settings of its lab type. */
    public RuntimeConfig(String name, LabType labType, Duration timeout) {
        this(name, labType, timeout, Optional.empty());
    }
}
