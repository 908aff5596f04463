package dev.maestro.api.kv;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.error.ValidationException;
import dev.maestro.json.Json;
import dev.maestro.kv.KeyValueStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Text values by namespace and key. The value travels as a JSON string.
 *
 * <p>One instance serves every request, as for {@link dev.maestro.api.node.NodeResource}: creating
 * and injecting one per request cost about 6 % of the server's CPU on the event path
 * ({@code bench/listen-latency}); the caller comes through a request-scoped proxy.
 */
@Path("kv/{ns}/{key}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@ApplicationScoped
public class KeyValueResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    KeyValueStore store;

    @GET
    @Operation(summary = "The value, or null")
    @APIResponse(responseCode = "200", description = "The value (a string), or null",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING, nullable = true)))
    public Response get(@PathParam("ns") String namespace, @PathParam("key") String key) {
        currentUser.require();
        return JsonResponses.ok(store.get(namespace, key).orElse(null));
    }

    @POST
    @Operation(summary = "Set the value (a JSON string); an empty value or no body deletes the key")
    @APIResponse(responseCode = "200", description = "\"OK\"",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING)))
    public Response set(@PathParam("ns") String namespace, @PathParam("key") String key, String body) {
        currentUser.require();
        Object value = body == null || body.isBlank() ? null : Json.parse(body);
        if (value != null && !(value instanceof String)) {
            throw ValidationException.of("string_type", "Input should be a valid string", "body");
        }
        store.set(namespace, key, value == null ? "" : (String) value);
        return JsonResponses.ok("OK");
    }

    @DELETE
    @Operation(summary = "Delete the key (also when absent)")
    @APIResponse(responseCode = "200", description = "A confirmation message",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING)))
    public Response delete(@PathParam("ns") String namespace, @PathParam("key") String key) {
        currentUser.require();
        store.delete(namespace, key);
        return JsonResponses.ok("Key-value pair deleted successfully");
    }
}
