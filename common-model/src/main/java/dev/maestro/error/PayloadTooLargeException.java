package dev.maestro.error;

/** The request body is larger than the configured limit. */
public class PayloadTooLargeException extends MaestroException {
    public PayloadTooLargeException(String detail) {
        super(413, detail);
    }
}
