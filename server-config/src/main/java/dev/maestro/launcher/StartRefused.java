package dev.maestro.launcher;

/**
 * A reason not to start (or to stop starting), worded for the operator as one paragraph: what
 * failed, where, and what to do. {@code ./maestro start} prints it and exits non-zero.
 */
final class StartRefused extends Exception {
    StartRefused(String paragraph) {
        super(paragraph);
    }

    StartRefused(String paragraph, Throwable cause) {
        super(paragraph, cause);
    }
}
