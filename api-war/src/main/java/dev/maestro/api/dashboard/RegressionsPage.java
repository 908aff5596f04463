package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.Pager;
import dev.maestro.api.dashboard.view.RegressionRow;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.node.Node;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.PageRequest;
import dev.maestro.store.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /dashboard/regressions}: regression nodes, newest first, active ({@code result:
 * fail}), fixed ({@code pass}) or all, filtered by tree, branch, platform and a part of the
 * test's path. Paged.
 */
@Path("dashboard/regressions")
public class RegressionsPage extends DashboardPage {
    static final List<String> STATUSES = List.of("active", "fixed", "all");

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response regressions() {
        return render("regressions", "Regressions", () -> {
            Map<String, String> params = QueryParameters.of(uri);
            String asked = params.getOrDefault("status", "active");
            String status = STATUSES.contains(asked) ? asked : "active";
            Map<String, String> filters = new LinkedHashMap<>();
            for (String f : List.of("tree", "branch", "platform", "test")) {
                filters.put(f, params.getOrDefault(f, "").trim());
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("kind", "regression");
            if (!status.equals("all")) {
                query.put("result", status.equals("active") ? "fail" : "pass");
            }
            put(query, "data.failed_kernel_revision.tree", filters.get("tree"));
            put(query, "data.failed_kernel_revision.branch", filters.get("branch"));
            put(query, "data.platform", filters.get("platform"));
            if (!filters.get("test").isEmpty()) {
                // The path is a list of names; matching its elements finds a test by any part of its path.
                query.put("path__re", Pattern.quote(filters.get("test")));
            }
            query.put("sort", "-created");
            query.put("limit", params.getOrDefault("limit", Integer.toString(PageRequest.DEFAULT_LIMIT)));
            query.put("offset", params.getOrDefault("offset", "0"));
            NodeQuery nodeQuery = NodeQuery.paged(query);
            Page<Node> found = nodes.search(nodeQuery);
            Map<String, String> kept = new LinkedHashMap<>(filters);
            kept.put("status", status);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("statuses", STATUSES.stream().map(s -> Map.of("value", s, "selected", s.equals(status))).toList());
            model.put("filters", filters);
            model.put("rows", found.items().stream().map(RegressionRow::of).toList());
            model.put("pager", Pager.of(base() + "/regressions", kept, nodeQuery.page().offset(),
                    nodeQuery.page().limit(), found.total(), found.items().size()));
            return model;
        });
    }

    private static void put(Map<String, String> query, String field, String value) {
        if (!value.isEmpty()) {
            query.put(field, value);
        }
    }
}
