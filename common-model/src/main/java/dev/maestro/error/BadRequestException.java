package dev.maestro.error;

/** The request is well formed but not acceptable (KernelCI answers these with 400). */
public class BadRequestException extends MaestroException {
    public BadRequestException(String detail) {
        super(400, detail);
    }
}
