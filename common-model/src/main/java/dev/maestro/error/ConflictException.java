package dev.maestro.error;

/** The request conflicts with the current state (for example deleting a group in use). */
public class ConflictException extends MaestroException {
    public ConflictException(String detail) {
        super(409, detail);
    }
}
