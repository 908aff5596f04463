package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.CheckoutSubtree;
import dev.maestro.event.EventHistory;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.store.Ids;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /dashboard/live/{checkout id}}: server-sent events, one per node event of the
 * checkout's subtree, read from the event history after {@code since} (the sequence the page
 * was rendered at) or, when the browser reconnects, after its {@code Last-Event-ID}: each event's
 * id is its sequence, so nothing between two connections is missed. The data is the node's id;
 * the page's script then fetches the page again.
 */
@Path("dashboard/live/{id}")
public class LiveUpdates {

    @Inject
    NodeService nodes;

    @Inject
    NodeStore store;

    @Inject
    EventHistory history;

    @Inject
    SubscriptionService wakes;

    @Inject
    LiveFollowers followers;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("id") String id, @QueryParam("since") String since,
                     @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Node checkout = nodes.get(Ids.parse(id));
        long cursor = sequence(lastEventId).or(() -> sequence(since))
                .orElseGet(() -> history.lastSequence(NodeEvent.CHANNEL));
        CheckoutSubtree subtree = CheckoutSubtree.read(store, checkout);
        followers.follow(new CheckoutFollower(subtree.ids(), cursor, history, wakes, store, sink, sse));
    }

    private static java.util.Optional<Long> sequence(String text) {
        if (text == null || !text.trim().matches("[0-9]{1,18}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(text.trim()));
    }
}
