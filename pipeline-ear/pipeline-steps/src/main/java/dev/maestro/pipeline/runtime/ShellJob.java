package dev.maestro.pipeline.runtime;

import dev.maestro.files.Directories;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.process.ProcessGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A shell job's process. Its time limit is enforced whenever it is looked at ({@link #poll()}
 * from a timer, or {@link #await()}), so no watcher thread is needed. Killing an overdue job
 * (SIGTERM to its whole process group, then SIGKILL) may hold that call for up to ten seconds.
 */
public final class ShellJob implements RunningJob {
    private static final Logger LOG = Logger.getLogger(ShellJob.class.getName());
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final JobKind kind;
    private final Process process;
    private final Path directory;
    private final Path logFile;
    private final Instant started;
    private final Duration limit;
    private JobOutcome outcome;

    ShellJob(JobKind kind, Process process, Path directory, Path logFile, Instant started, Duration limit) {
        this.kind = kind;
        this.process = process;
        this.directory = directory;
        this.logFile = logFile;
        this.started = started;
        this.limit = limit;
    }

    /** The pid, which KernelCI's shell runtime also uses as the job id. */
    @Override
    public String jobId() {
        return String.valueOf(process.pid());
    }

    public Path directory() {
        return directory;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized Optional<JobOutcome> poll() {
        if (outcome == null) {
            if (!process.isAlive()) {
                finish(false);
            } else if (remaining().isNegative()) {
                kill();
            }
        }
        return Optional.ofNullable(outcome);
    }

    @Override
    public JobOutcome await() throws InterruptedException {
        // Wait without the lock, so that poll() from a timer is not blocked meanwhile.
        Duration left = remaining();
        if (!left.isNegative()) {
            process.waitFor(left.toMillis(), TimeUnit.MILLISECONDS);
        }
        synchronized (this) {
            if (outcome == null) {
                if (process.isAlive()) {
                    kill();
                } else {
                    finish(false);
                }
            }
            return outcome;
        }
    }

    @Override
    public synchronized void cancel() {
        if (outcome == null) {
            LOG.warning("Job pid " + process.pid() + " in " + directory + " is cancelled; killing it and everything it started");
            ProcessGroup.kill(process, KILL_GRACE);
            finish(false);
        }
    }

    /** Deletes the job's directory (script, log, work files). */
    @Override
    public synchronized void discard() {
        if (outcome == null) {
            throw new IllegalStateException("Job " + jobId() + " is still running; poll or await it first");
        }
        Directories.deleteTree(directory);
    }

    private Duration remaining() {
        return limit.minus(Duration.between(started, Instant.now()));
    }

    private void kill() {
        LOG.warning("Job pid " + process.pid() + " in " + directory + " exceeded its limit of " + limit.toSeconds()
                + " s; killing it and everything it started");
        ProcessGroup.kill(process, KILL_GRACE);
        finish(true);
    }

    private void finish(boolean timedOut) {
        int exit = process.isAlive() ? -1 : process.exitValue();
        outcome = new JobOutcome(kind, exit, timedOut, Duration.between(started, Instant.now()), limit, logFile);
        LOG.info("Job pid " + process.pid() + " ended: " + (timedOut ? "timed out" : "exit status " + exit));
    }
}
