package dev.maestro.pipeline.web;

import dev.maestro.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Errors of the pipeline's resources, shaped as the API's: {@code {"detail": …}}. */
final class DetailResponses {
    private DetailResponses() {
    }

    /** {@code detail} is a sentence, or the list of what is wrong where that a 422 carries. */
    static Response detail(int status, Object detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(Map.of("detail", detail))).build();
    }
}
