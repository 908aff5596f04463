package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;
import java.util.List;

/** Something that runs jobs: a local shell, a Kubernetes cluster; docker and LAVA have room here. */
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

    /**
     * The jobs this pipeline instance submitted to this runtime before it last stopped and that
     * are still there (running, or ended without anyone collecting their log), to be watched
     * again. Runtimes whose jobs die with the pipeline have none.
     *
     * @throws JobRuntimeException with {@code submit_error} when the runtime cannot be asked
     */
    default List<AdoptedJob> adopt() {
        return List.of();
    }
}
