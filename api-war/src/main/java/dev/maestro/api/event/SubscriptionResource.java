package dev.maestro.api.event;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.event.subscription.SubscriptionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Subscriptions: subscribe, listen (long poll), unsubscribe, and the admin's stats.
 *
 * <p>One instance serves every request, as for {@link dev.maestro.api.node.NodeResource}: creating
 * and injecting one per request cost about 6 % of the server's CPU on the event path
 * ({@code bench/listen-latency}); the caller comes through a request-scoped proxy.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@ApplicationScoped
public class SubscriptionResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ApiMetrics metrics;

    @POST
    @Path("subscribe/{channel}")
    @Operation(summary = "Subscribe to a channel; with subscriber_id, resume after the last confirmed event")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "422", description = "promisc is not a boolean")
    public Response subscribe(@PathParam("channel") String channel,
                              @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("promisc") String promisc,
                              @QueryParam("subscriber_id") String subscriberId) {
        String user = currentUser.require().username();
        boolean promiscuous = Params.bool(promisc, "promisc");
        String durableId = subscriberId == null || subscriberId.isEmpty() ? null : subscriberId;
        return JsonResponses.ok(subscriptions.subscribe(channel, user, promiscuous, durableId).toJson());
    }

    @GET
    @Path("listen/{sub_id}")
    @Operation(summary = "Next event of the subscription (long poll); a keep-alive after KEEP_ALIVE_PERIOD seconds")
    @APIResponse(responseCode = "200", description = "The next event, or a keep-alive")
    @APIResponse(responseCode = "404", description = "No such subscription")
    @APIResponse(responseCode = "422", description = "sub_id is not an integer")
    public CompletionStage<Response> listen(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                                            @PathParam("sub_id") String subId) {
        String user = currentUser.require().username();
        int id = Params.subscriptionId(subId);
        Runnable done = metrics.listenWaiting();
        try {
            return subscriptions.listen(id, user).whenComplete((m, e) -> done.run()).thenApply(m -> JsonResponses.ok(m.toJson()));
        } catch (RuntimeException e) {
            done.run();
            throw e;
        }
    }

    @POST
    @Path("unsubscribe/{sub_id}")
    @Operation(summary = "Close a subscription (a durable subscriber's position is kept)")
    @APIResponse(responseCode = "422", description = "sub_id is not an integer")
    @APIResponse(responseCode = "200", description = "null")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Response unsubscribe(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                                @PathParam("sub_id") String subId) {
        String user = currentUser.require().username();
        subscriptions.unsubscribe(Params.subscriptionId(subId), user);
        return JsonResponses.ok(null);
    }

    @GET
    @Path("stats/subscriptions")
    @Operation(summary = "Live subscriptions of all API instances (admin)")
    @APIResponse(responseCode = "200", description = "One entry per live subscription",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY)))
    public Response stats() {
        currentUser.requireAdmin();
        return JsonResponses.ok(subscriptions.stats());
    }
}
