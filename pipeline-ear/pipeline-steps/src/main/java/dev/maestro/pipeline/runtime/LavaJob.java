package dev.maestro.pipeline.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * A job LAVA accepted. It runs in the lab, not here: the pipeline does not watch it, LAVA's
 * callback closes its node, and the node's timeout closes it if no callback ever comes.
 */
record LavaJob(String jobId, String url) implements RunningJob {

    @Override
    public boolean watched() {
        return false;
    }

    /** {@code data.job_id} as KernelCI records it, and {@code data.job_url}, the job's page in LAVA. */
    @Override
    public Map<String, Object> nodeData() {
        return Map.of("job_id", jobId, "job_url", url);
    }

    @Override
    public Optional<JobOutcome> poll() {
        return Optional.empty();
    }

    @Override
    public JobOutcome await() {
        throw new UnsupportedOperationException("LAVA job " + jobId + " reports through its callback; it cannot be awaited");
    }

    @Override
    public void cancel() {
        // The job runs in the lab; stopping this instance does not stop it, and its callback still closes the node.
    }

    @Override
    public void discard() {
        // Nothing of the job is kept on this machine.
    }
}
