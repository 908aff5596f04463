package dev.maestro.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one policy for refused tokens in the log: one INFO line per refusal, no stack trace.
 * Payara's MP-JWT identity store logs every token it cannot parse at INFO with the whole stack
 * (about 5 KB), so that anyone could fill the log with {@code Authorization: Bearer x}; its
 * logger is raised to WARNING for as long as the API runs, and {@link #refused} writes the line
 * instead (the servlet error page calls it for every 401 that carried a token).
 */
@WebListener
public class TokenRefusalLog implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(TokenRefusalLog.class.getName());
    /** Held here: the log manager keeps loggers weakly, and a collected logger would lose its level. */
    private static final Logger MP_JWT_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        MP_JWT_STORE.setLevel(Level.WARNING);
    }

    static void refused(HttpServletRequest req) {
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            LOG.info(() -> "Refused a bearer token: " + req.getMethod() + " "
                    + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " from " + req.getRemoteAddr());
        }
    }
}
