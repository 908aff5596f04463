package dev.maestro.api.queue;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.event.queue.EventQueue;
import dev.maestro.json.Json;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code POST /push/{list}} and {@code GET /pop/{list}} (which waits until there is an item). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class QueueResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    EventQueue queue;

    @POST
    @Path("push/{list}")
    @Operation(summary = "Append an envelope to a list: 'data' is the payload, other keys are attributes")
    @APIResponse(responseCode = "200", description = "null")
    public Response push(@PathParam("list") String list, String body) {
        currentUser.require();
        queue.push(list, Json.parse(body));
        return JsonResponses.ok(null);
    }

    @GET
    @Path("pop/{list}")
    @Operation(summary = "Take the oldest envelope of a list, waiting until there is one")
    @APIResponse(responseCode = "200", description = "The envelope")
    public Response pop(@PathParam("list") String list) throws InterruptedException {
        currentUser.require();
        return JsonResponses.ok(queue.pop(list));
    }
}
