package dev.maestro.pipeline.runtime;

/**
 * Why a job did not produce a result of its own: the {@code data.error_code} and
 * {@code data.error_msg} to write on its node (which then ends {@code done}/{@code incomplete}).
 * The codes are those of KernelCI's API model, which rejects others.
 */
public record JobFailure(String errorCode, String message) {
    /** The job's params cannot be turned into a job. */
    public static final String INVALID_JOB_PARAMS = "invalid_job_params";
    /** The template could not be rendered. */
    public static final String JOB_GENERATION_ERROR = "job_generation_error";
    /** The runtime refused or failed to start the job. */
    public static final String SUBMIT_ERROR = "submit_error";
    /** The job ran out of time and was killed. */
    public static final String NODE_TIMEOUT = "node_timeout";
    /** A build job failed for reasons other than its code (download, disk…). */
    public static final String KBUILD_INTERNAL_ERROR = "kbuild_internal_error";
    /** Any other job failed for reasons other than what it tests. */
    public static final String INFRASTRUCTURE = "Infrastructure";
}
