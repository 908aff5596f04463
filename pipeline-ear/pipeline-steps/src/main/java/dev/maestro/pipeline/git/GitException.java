package dev.maestro.pipeline.git;

/** A git command failed; the message names the command and carries git's own error output. */
public class GitException extends RuntimeException {
    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
