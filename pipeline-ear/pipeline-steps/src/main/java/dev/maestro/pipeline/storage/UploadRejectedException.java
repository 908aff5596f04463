package dev.maestro.pipeline.storage;

/** An upload the endpoint refuses; {@link #status()} is the HTTP status to answer with. */
public class UploadRejectedException extends Exception {
    private final int status;

    public UploadRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
