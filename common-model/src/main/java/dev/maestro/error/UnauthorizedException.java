package dev.maestro.error;

/** No valid credentials: a missing, invalid or expired token, or an inactive user. */
public class UnauthorizedException extends MaestroException {
    public UnauthorizedException(String detail) {
        super(401, detail);
    }
}
