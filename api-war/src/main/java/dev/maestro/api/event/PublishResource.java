package dev.maestro.api.event;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.event.publish.Publisher;
import dev.maestro.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code POST /publish/{channel}}: stores an event in the history and notifies listeners.
 *
 * <p>One instance serves every request, as for {@link dev.maestro.api.node.NodeResource}: creating
 * and injecting one per request cost about 6 % of the server's CPU on the event path
 * ({@code bench/listen-latency}); the caller comes through a request-scoped proxy.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@ApplicationScoped
public class PublishResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    Publisher publisher;

    @POST
    @Path("publish/{channel}")
    @Operation(summary = "Publish an event ({\"data\": …, \"type\"?, \"source\"?, \"attributes\"?}) owned by the caller")
    @APIResponse(responseCode = "200", description = "null")
    public Response publish(@PathParam("channel") String channel, String body) {
        String user = currentUser.require().username();
        publisher.publish(channel, user, Json.parse(body));
        return JsonResponses.ok(null);
    }
}
