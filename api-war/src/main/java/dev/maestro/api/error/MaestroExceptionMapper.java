package dev.maestro.api.error;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.error.MaestroException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The project's own exceptions: their status and their detail. */
@Provider
public class MaestroExceptionMapper implements ExceptionMapper<MaestroException> {
    @Override
    public Response toResponse(MaestroException e) {
        return toJson(e);
    }

    static Response toJson(MaestroException e) {
        return JsonResponses.status(e.status(), Map.of("detail", e.detail()));
    }
}
