package dev.maestro.pipeline.lava;

/** The callback's body is not what LAVA sends; the message says which part and why. */
public class LavaCallbackException extends RuntimeException {
    public LavaCallbackException(String message) {
        super(message);
    }
}
