package dev.maestro.pipeline.process;

/** A command could not be started, or did not finish within its time limit and was killed. */
public class CommandException extends RuntimeException {
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    public CommandException(String message) {
        super(message);
    }
}
