package dev.maestro.api.error;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.error.MaestroException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. JAX-RS errors (404 route, 405 method, 415 media type) keep their status with
 * KernelCI's wording (and a 405 its {@code Allow} header); a project exception wrapped by the
 * runtime (as when the body-size limit trips inside an entity reader) is unwrapped; anything
 * left is a server fault, logged with a reference that the 500 answer repeats, unless MongoDB or
 * Redis was out of reach ({@link BackendOutage}: 503).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        return answer(e);
    }

    /** The answer to a failure: also used by the routes served ahead of JAX-RS ({@code dev.maestro.api.direct}). */
    public static Response answer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MaestroException m) {
                return MaestroExceptionMapper.toJson(m);
            }
        }
        if (e instanceof WebApplicationException w) {
            Response original = w.getResponse();
            int status = original.getStatus();
            if (status < 500) {
                // A 405 names the methods the path does take (RFC 9110 requires it).
                return Response.fromResponse(JsonResponses.status(status, Map.of("detail", HttpStatusDetails.of(status))))
                        .header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW)).build();
            }
        }
        Optional<String> outage = BackendOutage.detailOf(e);
        if (outage.isPresent()) {
            LOG.warning(outage.get() + " (" + e + ")");
            return JsonResponses.status(503, Map.of("detail", outage.get()));
        }
        String ref = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + ref, e);
        return JsonResponses.status(500, Map.of("detail", "Internal server error, reference " + ref));
    }
}
