package dev.maestro.pipeline.runtime;

import java.util.Map;
import java.util.Optional;

/** A submitted job, for runtimes whose jobs the pipeline can watch. */
public interface RunningJob {

    /** The runtime's id for the job ({@code data.job_id}): a pid, a container id… */
    String jobId();

    /**
     * Whether this instance watches the job ({@link #poll()} from its timer). A LAVA job is not
     * watched: LAVA's callback reports its end, and the node's timeout covers a lost callback.
     */
    default boolean watched() {
        return true;
    }

    /** What the job's node records about it once submitted ({@code data.job_id}, a URL to follow it…). */
    default Map<String, Object> nodeData() {
        return Map.of();
    }

    /** The outcome if the job has ended; enforces the time limit, so call it regularly (from a timer). */
    Optional<JobOutcome> poll();

    /** Blocks until the job ends or its time limit kills it. */
    JobOutcome await() throws InterruptedException;

    /** Stops the job now, with everything it started (the server is going away); it then has an outcome. */
    void cancel();

    /**
     * Lets go of the job without stopping it, when the pipeline stops and the job can go on
     * without it (a container): the next pipeline adopts it ({@link JobRuntimes#adopt}).
     *
     * @return false for jobs that die with the pipeline (local processes), which must be cancelled instead
     */
    default boolean detach() {
        return false;
    }

    /** Frees what the job left on this machine (work files, log); call it once its log is stored. */
    void discard();
}
