package dev.maestro.error;

/** Authenticated, but not allowed to do this. */
public class ForbiddenException extends MaestroException {
    public ForbiddenException(String detail) {
        super(403, detail);
    }
}
