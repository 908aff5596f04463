package dev.maestro.pipeline.patchworkbridge;

/** A series that will never become a patchset as it is; waiting does not help. */
class UnusableSeriesException extends RuntimeException {
    UnusableSeriesException(String message) {
        super(message);
    }
}
