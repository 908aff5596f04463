package dev.maestro.error;

/**
 * A failure with an HTTP-like status and a client-facing detail. The detail is what clients
 * see, so it never carries secrets or stack traces.
 */
public abstract class MaestroException extends RuntimeException {
    private final int status;

    protected MaestroException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** What goes into {@code "detail"}: a string for most errors, a list for validation errors. */
    public Object detail() {
        return getMessage();
    }
}
