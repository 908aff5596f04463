package dev.maestro.pipeline.runtime;

/** A job could not be generated or submitted; {@link #failure()} says what to write on its node. */
public class JobRuntimeException extends RuntimeException {
    private final JobFailure failure;

    public JobRuntimeException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.failure = new JobFailure(errorCode, message);
    }

    public JobRuntimeException(String errorCode, String message) {
        this(errorCode, message, null);
    }

    public JobFailure failure() {
        return failure;
    }
}
