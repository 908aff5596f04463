package dev.maestro.pipeline.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A job's container. Like a shell job, its time limit is enforced whenever it is looked at
 * ({@link #poll()}), so no watcher thread is needed; the limit and the start are in the
 * container's labels, so a pipeline that adopts it after a restart enforces the same limit.
 * Once it has ended its output is read from the daemon into a local log file, and
 * {@link #discard()} removes the container and that file.
 */
public final class DockerJob extends PolledJob {
    private static final Logger LOG = Logger.getLogger(DockerJob.class.getName());
    private static final Duration POLL_PERIOD = Duration.ofMillis(250);
    private static final long LOG_READ_MINUTES = 5;
    /** The exit status recorded when there is none to read: the container was removed from outside. */
    static final int NO_EXIT_STATUS = -1;

    private final DockerClient docker;
    private final String containerId;
    private final ContainerLabels labels;
    private final Path logFile;
    private JobOutcome outcome;

    DockerJob(DockerClient docker, String containerId, ContainerLabels labels, Path logFile) {
        super(POLL_PERIOD);
        this.docker = docker;
        this.containerId = containerId;
        this.labels = labels;
        this.logFile = logFile;
    }

    /** The container id, which KernelCI's docker runtime also uses as the job id. */
    @Override
    public String jobId() {
        return containerId;
    }

    public String nodeId() {
        return labels.nodeId();
    }

    public String artifactDirectory() {
        return labels.artifactDirectory();
    }

    @Override
    public synchronized Optional<JobOutcome> poll() {
        if (outcome == null) {
            Optional<InspectContainerResponse.ContainerState> state = state();
            if (state.isEmpty()) {
                gone();
            } else if (!Boolean.TRUE.equals(state.get().getRunning())) {
                finish(false, exitCode(state.get()));
            } else if (remaining().isNegative()) {
                LOG.warning("Container " + shortId() + " of node " + labels.nodeId() + " exceeded its limit of "
                        + labels.limit().toSeconds() + " s; killing it");
                kill();
                finish(true, NO_EXIT_STATUS);
            }
        }
        return Optional.ofNullable(outcome);
    }

    @Override
    public synchronized void cancel() {
        if (outcome == null) {
            LOG.warning("Container " + shortId() + " of node " + labels.nodeId() + " is cancelled; killing it");
            kill();
            finish(false, NO_EXIT_STATUS);
        }
    }

    /** The container goes on without the pipeline, which adopts it again when it starts. */
    @Override
    public synchronized boolean detach() {
        close();
        return true;
    }

    /** Removes the container and the local copy of its log. */
    @Override
    public synchronized void discard() {
        if (outcome == null) {
            throw new IllegalStateException("Container " + containerId + " is still running; poll or await it first");
        }
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException e) {
            // Already removed: what discarding wants.
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + logFile, e);
        }
        close();
    }

    private Optional<InspectContainerResponse.ContainerState> state() {
        try {
            return Optional.ofNullable(docker.inspectContainerCmd(containerId).exec().getState());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static int exitCode(InspectContainerResponse.ContainerState state) {
        Long code = state.getExitCodeLong();
        return code == null ? NO_EXIT_STATUS : code.intValue();
    }

    private Duration remaining() {
        return labels.limit().minus(Duration.between(labels.started(), Instant.now()));
    }

    private void kill() {
        try {
            docker.killContainerCmd(containerId).exec();
        } catch (NotFoundException | ConflictException e) {
            // It ended or went away meanwhile: nothing left to kill.
        }
    }

    /**
     * Removed from outside, or collected by another pipeline instance that adopted it too: there
     * is no output to read, so no log file, and the log another instance stored stays as it is.
     */
    private void gone() {
        LOG.warning("Container " + shortId() + " of node " + labels.nodeId() + " no longer exists; its output cannot be read");
        outcome = new JobOutcome(labels.kind(), NO_EXIT_STATUS, false, elapsed(), labels.limit(), logFile);
    }

    private void finish(boolean timedOut, int exitCode) {
        readLog();
        outcome = new JobOutcome(labels.kind(), exitCode, timedOut, elapsed(), labels.limit(), logFile);
        LOG.info("Container " + shortId() + " of node " + labels.nodeId() + " ended: "
                + (timedOut ? "timed out" : "exit status " + exitCode));
    }

    /** Copies the container's output (stdout and stderr, as the daemon kept them) into the log file. */
    private void readLog() {
        try (OutputStream out = Files.newOutputStream(logFile)) {
            boolean complete = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            try {
                                out.write(frame.getPayload());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }).awaitCompletion(LOG_READ_MINUTES, TimeUnit.MINUTES);
            if (!complete) {
                out.write(("\nmaestro: the log was cut after " + LOG_READ_MINUTES + " min of reading\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log of container " + containerId + " to " + logFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the log of container " + containerId, e);
        }
    }

    private Duration elapsed() {
        return Duration.between(labels.started(), Instant.now());
    }

    private String shortId() {
        return containerId.substring(0, Math.min(12, containerId.length()));
    }

    private void close() {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.fine("Closing the Docker client of container " + shortId() + ": " + e.getMessage());
        }
    }
}
