package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.FoundNode;
import dev.maestro.api.dashboard.view.Pager;
import dev.maestro.api.dashboard.view.SearchForm;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.error.MaestroException;
import dev.maestro.node.Node;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.Page;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /dashboard/search}: nodes by tree, branch, commit prefix, kind, name, result,
 * state, platform, date range and raw {@code /latest/nodes} conditions, newest first, paged. A
 * malformed condition answers 400 with the form kept and the API's detail shown.
 */
@Path("dashboard/search")
public class SearchPage extends DashboardPage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search() {
        Map<String, String> params = QueryParameters.of(uri);
        Map<String, String> form = SearchForm.values(params);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        try {
            if (SearchForm.filled(form)) {
                Map<String, String> query = SearchForm.query(form);
                query.put("sort", "-created");
                query.put("limit", params.getOrDefault("limit", "50"));
                query.put("offset", params.getOrDefault("offset", "0"));
                NodeQuery nodeQuery = NodeQuery.paged(query);
                Page<Node> found = nodes.search(nodeQuery);
                String base = base();
                model.put("searched", true);
                model.put("rows", found.items().stream().map(n -> FoundNode.of(base, n)).toList());
                model.put("pager", Pager.of(base + "/search", form, nodeQuery.page().offset(), nodeQuery.page().limit(),
                        found.total(), found.items().size()));
            }
            return render("search", "Search", () -> model);
        } catch (MaestroException e) {
            model.put("error", String.valueOf(e.detail()));
            return Response.fromResponse(render("search", "Search", () -> model)).status(e.status()).build();
        }
    }
}
