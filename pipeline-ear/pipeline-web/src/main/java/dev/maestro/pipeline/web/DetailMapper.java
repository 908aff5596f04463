package dev.maestro.pipeline.web;

import dev.maestro.error.MaestroException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The core's client errors thrown by the pipeline's resources: their status and {@code {"detail": …}}. */
@Provider
public class DetailMapper implements ExceptionMapper<MaestroException> {
    @Override
    public Response toResponse(MaestroException e) {
        return DetailResponses.detail(e.status(), e.detail());
    }
}
