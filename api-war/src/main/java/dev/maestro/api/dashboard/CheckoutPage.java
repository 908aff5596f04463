package dev.maestro.api.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.maestro.api.dashboard.view.CheckoutSubtree;
import dev.maestro.api.dashboard.view.CheckoutView;
import dev.maestro.api.dashboard.view.Nodes;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.EventHistory;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.NodeStore;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.store.Ids;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /dashboard/checkout/{id}}: a checkout's builds and their test trees (failures
 * first), counts, the patchsets tested on it, regressions it opened or fixed, and the timeline of its own, its builds' and
 * its jobs' events (tests are left out of the timeline: there may be thousands).
 */
@Path("dashboard/checkout/{id}")
public class CheckoutPage extends DashboardPage {
    static final int TIMELINE_EVENTS = 100;

    @Inject
    NodeStore store;

    @Inject
    EventHistory history;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response checkout(@PathParam("id") String id) {
        return render("checkout", "Checkout", () -> {
            Node checkout = nodes.get(Ids.parse(id));
            if (!CheckoutView.CHECKOUT_KIND.equals(checkout.kind())) {
                throw new NotFoundException("Not a checkout: " + id + " is a " + checkout.kind());
            }
            // Taken before reading, so a live page misses no change made while it renders.
            long since = history.lastSequence(NodeEvent.CHANNEL);
            CheckoutSubtree subtree = CheckoutSubtree.read(store, checkout);
            List<Node> opened = nodes.list(NodeCriteria.where().eq("kind", "regression").eq("parent", checkout.id())
                    .sortedBy("name").query());
            String commit = Nodes.data(checkout, "kernel_revision.commit");
            List<Node> fixed = commit.isEmpty() ? List.of() : nodes.list(NodeCriteria.where().eq("kind", "regression")
                    .eq("result", "pass").eq("data.fixed_kernel_revision.commit", commit).sortedBy("name").query());
            List<Node> patchsets = nodes.list(NodeCriteria.where().eq("parent", checkout.id())
                    .eq("kind", CheckoutView.CHECKOUT_KIND).sortedBy("created").query());
            return CheckoutView.of(subtree, patchsets, opened, fixed, timeline(subtree), since);
        });
    }

    private List<Map<String, Object>> timeline(CheckoutSubtree subtree) {
        List<String> ids = subtree.descendants().stream().filter(n -> !CheckoutView.TEST_KIND.equals(n.kind()))
                .map(n -> n.id().toHexString()).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        ids.add(subtree.checkout().id().toHexString());
        return history.find(Filters.and(Filters.eq("channel", NodeEvent.CHANNEL), Filters.in("data.id", ids)),
                Sorts.descending("sequence_id"), 0, TIMELINE_EVENTS);
    }
}
