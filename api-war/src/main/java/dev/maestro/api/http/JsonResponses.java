package dev.maestro.api.http;

import dev.maestro.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds JSON responses with the project's one Jackson mapper, so that nulls, key order and
 * timestamps are written exactly as KernelCI's clients expect, whatever JSON provider the
 * server prefers.
 */
public final class JsonResponses {
    private JsonResponses() {
    }

    public static Response ok(Object body) {
        return status(200, body);
    }

    public static Response status(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Json.writeBytes(body)).build();
    }
}
