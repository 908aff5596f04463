package dev.maestro.error;

/** A service this request needs is unreachable for now; nothing was changed, and the client may try again. */
public class ServiceUnavailableException extends MaestroException {
    public ServiceUnavailableException(String detail) {
        super(503, detail);
    }
}
