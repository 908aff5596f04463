package dev.maestro.error;

/** The addressed object does not exist. */
public class NotFoundException extends MaestroException {
    public NotFoundException(String detail) {
        super(404, detail);
    }
}
