package dev.maestro.pipeline.runtime;

import dev.maestro.files.Directories;
import dev.maestro.pipeline.config.JobKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A Kubernetes {@code Job} of this pipeline, followed through the cluster's informer. It has ended
 * when the Job is complete or failed (a failure by deadline counts as running out of time); when
 * it overruns its limit first, the pipeline deletes it, pods and all. Its pod's log is then read
 * into a local file for the caller to store. It survives a restart of the pipeline, which finds it
 * again ({@link KubernetesRuntime#adopt}), so stopping the pipeline leaves it running.
 */
public final class KubernetesJob extends PolledJob {
    private static final Logger LOG = Logger.getLogger(KubernetesJob.class.getName());
    /** poll() reads the informer's cache, so awaiting costs the cluster nothing. */
    private static final Duration AWAIT_STEP = Duration.ofSeconds(1);
    private static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

    private final KubernetesCluster cluster;
    private final String name;
    private final String nodeId;
    private final JobKind kind;
    private final Instant started;
    private final Duration limit;
    private final Path workRoot;
    private final String artifactDirectory;
    private Path directory;
    private JobOutcome outcome;

    KubernetesJob(KubernetesCluster cluster, String name, String nodeId, JobKind kind, Instant started, Duration limit,
                  Path workRoot, String artifactDirectory) {
        super(AWAIT_STEP);
        this.cluster = cluster;
        this.name = name;
        this.nodeId = nodeId;
        this.kind = kind;
        this.started = started;
        this.limit = limit;
        this.workRoot = workRoot;
        this.artifactDirectory = artifactDirectory;
    }

    /** The Job's name, which is also the job id, as KernelCI's Kubernetes runtime has it. */
    @Override
    public String jobId() {
        return name;
    }

    @Override
    public synchronized Optional<JobOutcome> poll() {
        if (outcome == null) {
            Optional<Job> job = cluster.job(name);
            if (job.isEmpty()) {
                finish(-1, false, "The Job " + name + " was deleted from the " + cluster.description()
                        + " before it ended.\n");
            } else if (ended(job.get().getStatus())) {
                JobStatus status = job.get().getStatus();
                boolean succeeded = status.getSucceeded() != null && status.getSucceeded() > 0
                        || hasCondition(status, "Complete", null);
                boolean deadline = hasCondition(status, "Failed", DEADLINE_EXCEEDED);
                finish(succeeded ? 0 : 1, deadline && !succeeded, "");
            } else if (Duration.between(started, Instant.now()).compareTo(limit) > 0) {
                LOG.warning("Job " + name + " (node " + nodeId + ") exceeded its limit of " + limit.toSeconds()
                        + " s; deleting it");
                Path log = collectLog();
                delete();
                outcome = new JobOutcome(kind, -1, true, Duration.between(started, Instant.now()), limit, log);
            }
        }
        return Optional.ofNullable(outcome);
    }

    @Override
    public synchronized void cancel() {
        if (outcome == null) {
            LOG.warning("Job " + name + " (node " + nodeId + ") is cancelled; deleting it");
            Path log = collectLog();
            delete();
            outcome = new JobOutcome(kind, -1, false, Duration.between(started, Instant.now()), limit, log);
        }
    }

    /** Deletes the Job (with its pods, script and secrets) and the local copy of its log. */
    @Override
    public synchronized void discard() {
        if (outcome == null) {
            throw new IllegalStateException("Job " + name + " is still running; poll or await it first");
        }
        delete();
        if (directory != null) {
            Directories.deleteTree(directory);
        }
    }

    /** The Job goes on in the cluster; the connection it used is shared and closed with the others. */
    @Override
    public boolean detach() {
        return true;
    }

    /**
     * Deletes the Job with its pods; when the cluster cannot be asked, its own deadline stops the
     * Job and its time-to-live removes it, so the pipeline does not wait for that.
     */
    private void delete() {
        try {
            cluster.delete(name);
        } catch (JobRuntimeException e) {
            LOG.warning("Job " + name + " (node " + nodeId + ") was not deleted: " + e.getMessage()
                    + "; the cluster stops it at its deadline and removes it a day after it ends");
        }
    }

    private static boolean ended(JobStatus status) {
        if (status == null) {
            return false;
        }
        return status.getSucceeded() != null && status.getSucceeded() > 0
                || status.getFailed() != null && status.getFailed() > 0
                || hasCondition(status, "Complete", null) || hasCondition(status, "Failed", null);
    }

    private static boolean hasCondition(JobStatus status, String type, String reason) {
        List<JobCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        return conditions.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus())
                && (reason == null || reason.equals(c.getReason())));
    }

    private void finish(int jobExit, boolean timedOut, String note) {
        StringBuilder text = new StringBuilder(note);
        Optional<Pod> pod = readLog(text);
        // The container's own status says more than the Job's "failed".
        int exit = jobExit > 0 ? pod.flatMap(KubernetesCluster::exitCode).orElse(jobExit) : jobExit;
        outcome = new JobOutcome(kind, exit, timedOut, Duration.between(started, Instant.now()), limit, write(text));
        LOG.info("Job " + name + " (node " + nodeId + ") ended: " + (timedOut ? "timed out" : "exit status " + exit));
    }

    /** The job's log as far as it can be read now, for a job stopped by the pipeline. */
    private Path collectLog() {
        StringBuilder text = new StringBuilder();
        readLog(text);
        return write(text);
    }

    /** Appends the pod's log to {@code text}, or why there is none; returns the pod when there is one. */
    private Optional<Pod> readLog(StringBuilder text) {
        try {
            Optional<Pod> pod = cluster.pod(Map.of(KubernetesJobSpec.NODE_ID, nodeId));
            if (pod.isPresent()) {
                text.append(cluster.log(pod.get()));
            } else {
                text.append("No pod of Job ").append(name).append(" was found in the ").append(cluster.description())
                        .append(".\n");
            }
            return pod;
        } catch (JobRuntimeException e) {
            text.append("The log of Job ").append(name).append(" could not be read: ").append(e.getMessage()).append('\n');
            return Optional.empty();
        }
    }

    /** Writes {@code job.log} in a directory of its own under the work root, which {@link #discard()} deletes. */
    private Path write(CharSequence text) {
        try {
            Files.createDirectories(workRoot);
            directory = Files.createTempDirectory(workRoot, artifactDirectory + "-");
            Path log = directory.resolve("job.log");
            Files.writeString(log, text, StandardCharsets.UTF_8);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log of Job " + name, e);
        }
    }
}
