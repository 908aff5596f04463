package dev.maestro.pipeline.runtime;

import java.util.Optional;

/** A submitted job, for runtimes whose jobs the pipeline can watch. */
public interface RunningJob {

    /** The runtime's id for the job ({@code data.job_id}): a pid, a container id… */
    String jobId();

    /** The outcome if the job has ended; enforces the time limit, so call it regularly (from a timer). */
    Optional<JobOutcome> poll();

    /** Blocks until the job ends or its time limit kills it. */
    JobOutcome await() throws InterruptedException;

    /** Stops the job now, with everything it started (the server is going away); it then has an outcome. */
    void cancel();

    /** Frees what the job left on this machine (work files, log); call it once its log is stored. */
    void discard();

    /**
     * Whether the job goes on when the pipeline stops, to be adopted again when it starts (see
     * {@link JobRuntime#adopt()}): such a job is left running rather than cancelled.
     */
    default boolean outlivesPipeline() {
        return false;
    }
}
