package dev.maestro.pipeline.web;

import dev.maestro.error.MaestroException;
import dev.maestro.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The core's client errors thrown by the pipeline's resources: their status and {@code {"detail": …}}. */
@Provider
public class DetailMapper implements ExceptionMapper<MaestroException> {
    @Override
    public Response toResponse(MaestroException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(Map.of("detail", e.detail()))).build();
    }
}
