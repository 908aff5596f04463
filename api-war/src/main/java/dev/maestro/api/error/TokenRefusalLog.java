package dev.maestro.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * The one policy for refused tokens in the log: one INFO line per refusal, no stack trace, so
 * that {@code Authorization: Bearer x} cannot fill the log with more than a line.
 */
public final class TokenRefusalLog {
    private static final Logger LOG = Logger.getLogger(TokenRefusalLog.class.getName());

    private TokenRefusalLog() {
    }

    public static void refused(HttpServletRequest req) {
        LOG.info(() -> "Refused a bearer token: " + req.getMethod() + " " + req.getRequestURI() + " from " + req.getRemoteAddr());
    }
}
