package dev.maestro.api.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.maestro.api.dashboard.view.EventRow;
import dev.maestro.api.dashboard.view.NodeView;
import dev.maestro.api.dashboard.view.Pager;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.event.EventHistory;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.PageRequest;
import dev.maestro.store.Ids;
import dev.maestro.store.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /dashboard/node/{id}}: any node with its fields, {@code data}, artifacts, its
 * ancestors as a breadcrumb, its children (paged) and its latest events.
 */
@Path("dashboard/node/{id}")
public class NodePage extends DashboardPage {
    static final int MAX_ANCESTORS = 32;
    static final int EVENTS = 50;

    @Inject
    EventHistory history;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response node(@PathParam("id") String id) {
        return render("node", "Node", () -> {
            Node node = nodes.get(Ids.parse(id));
            Map<String, String> params = QueryParameters.of(uri);
            PageRequest page = PageRequest.paged(params.get("limit"), params.get("offset"));
            NodeQuery childQuery = NodeCriteria.where().eq("parent", node.id()).sortedBy("created").query();
            Page<Node> children = nodes.search(new NodeQuery(childQuery.filter(), childQuery.sort(), page));
            Pager pager = Pager.of(base() + "/node/" + id, params, page.offset(), page.limit(),
                    children.total(), children.items().size());
            List<Map<String, Object>> events = history.find(Filters.and(Filters.eq("channel", NodeEvent.CHANNEL),
                    Filters.eq("data.id", id)), Sorts.descending("sequence_id"), 0, EVENTS);
            return NodeView.of(node, ancestors(node), children.items(), pager, EventRow.of(events), base());
        });
    }

    /** The node's parent, its parent's parent…, root first. */
    private List<Node> ancestors(Node node) {
        List<Node> chain = new ArrayList<>();
        Node at = node;
        while (at.parent() != null && chain.size() < MAX_ANCESTORS) {
            at = nodes.find(at.parent()).orElse(null);
            if (at == null) {
                break;
            }
            chain.add(at);
        }
        Collections.reverse(chain);
        return chain;
    }
}
