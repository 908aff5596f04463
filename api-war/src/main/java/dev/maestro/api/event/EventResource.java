package dev.maestro.api.event;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.event.query.EventSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /events}: the stored event history, filtered; no authentication, as KernelCI.
 *
 * <p>One instance serves every request, as for {@link dev.maestro.api.node.NodeResource}: creating
 * and injecting one per request cost about 6 % of the server's CPU on the event path
 * ({@code bench/listen-latency}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EventResource {
    @Inject
    EventSearch search;

    @GET
    @Path("events")
    @Operation(summary = "Stored events; filters of KernelCI, 'from' as a time or a sequence id, 'limit', 'offset'")
    @APIResponse(responseCode = "200", description = "The events, oldest first",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A malformed filter")
    public Response events(@Context UriInfo uri) {
        return JsonResponses.ok(search.search(QueryParameters.of(uri)));
    }
}
