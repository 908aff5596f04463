package dev.maestro.pipeline.patchwork;

/** Patchwork could not be reached or answered something unusable; the caller tries again later. */
public class PatchworkException extends RuntimeException {
    public PatchworkException(String message) {
        super(message);
    }

    public PatchworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
