package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.JobKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a job's process ended. The job reports its own result to the API; the pipeline uses this
 * to close nodes whose job could not: when {@link #failure()} is present and the node is not
 * {@code done} yet, set it {@code done}/{@code incomplete} with that error code and message.
 * A job that exited 0 but left its node running also failed to report, which only the node shows.
 *
 * @param exitCode the process's exit status (meaningless when timed out)
 * @param logFile  everything the job printed (stdout and stderr), to store as its log artifact; it does not
 *                 exist when there was no output left to read (a container removed from outside)
 */
public record JobOutcome(JobKind kind, int exitCode, boolean timedOut, Duration elapsed, Duration limit, Path logFile) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    public Optional<JobFailure> failure() {
        if (timedOut) {
            return Optional.of(new JobFailure(JobFailure.NODE_TIMEOUT, "The job exceeded its time limit of "
                    + minutes(limit) + " and was killed"));
        }
        if (exitCode != 0) {
            String code = kind == JobKind.KBUILD ? JobFailure.KBUILD_INTERNAL_ERROR : JobFailure.INFRASTRUCTURE;
            return Optional.of(new JobFailure(code, "The job script exited with status " + exitCode
                    + " before reporting a result; see its log"));
        }
        return Optional.empty();
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
