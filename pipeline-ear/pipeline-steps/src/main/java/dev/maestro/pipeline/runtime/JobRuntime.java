package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;

/** Something that runs jobs: a local shell, a Docker Engine; kubernetes and LAVA have room here. */
public interface JobRuntime {

    RuntimeConfig config();

    /**
     * The job as this runtime would run it (a script, a LAVA definition…), for inspection.
     *
     * @throws JobRuntimeException with {@code job_generation_error} or {@code invalid_job_params}
     */
    String generate(JobRequest request);

    /**
     * Generates and starts the job.
     *
     * @throws JobRuntimeException with {@code job_generation_error}, {@code invalid_job_params} or {@code submit_error}
     */
    RunningJob submit(JobRequest request);
}
