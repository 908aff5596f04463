package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.CheckoutSubtree;
import dev.maestro.api.dashboard.view.CheckoutView;
import dev.maestro.api.dashboard.view.Pager;
import dev.maestro.api.dashboard.view.TreesView;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.node.Node;
import dev.maestro.node.NodeStore;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.store.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;

/**
 * {@code GET /dashboard}: every tree and branch among the latest checkouts, each with its newest
 * checkouts, their state and their build and test counts. Paged by branch.
 */
@Path("dashboard")
public class TreesPage extends DashboardPage {
    /** How far back the page looks for branches: the newest checkouts, whatever their branch. */
    static final int RECENT_CHECKOUTS = 500;
    static final int PER_BRANCH = 5;
    static final int BRANCHES_PER_PAGE = 10;

    @Inject
    NodeStore store;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response trees() {
        return render("trees", "Trees", () -> {
            Map<String, String> params = QueryParameters.of(uri);
            int offset = PageRequest.paged(null, params.get("offset")).offset();
            List<Node> checkouts = nodes.list(NodeCriteria.where().eq("kind", CheckoutView.CHECKOUT_KIND)
                    .sortedBy("-created").limit(RECENT_CHECKOUTS).query());
            List<List<Node>> all = TreesView.byBranch(checkouts, PER_BRANCH);
            List<List<Node>> shown = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + BRANCHES_PER_PAGE));
            Set<ObjectId> parents = shown.stream().flatMap(List::stream).map(Node::created).min(Comparator.naturalOrder())
                    .map(oldest -> CheckoutSubtree.parentsSince(store, oldest)).orElse(Set.of());
            List<TreesView.Group> groups = shown.stream()
                    .map(branch -> TreesView.Group.of(branch, c -> CheckoutSubtree.read(store, c, parents))).toList();
            return new TreesView(groups, Pager.of(base(), params, offset, BRANCHES_PER_PAGE, all.size(), shown.size()));
        });
    }
}
