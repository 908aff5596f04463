package dev.maestro.api.dashboard;

import dev.maestro.node.NodeService;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;

/**
 * What every page resource shares: the renderer, the request's URI (from which links and paging
 * are made) and the nodes most pages read. (The dashboard is kept out of the OpenAPI document by
 * configuration.)
 */
abstract class DashboardPage {
    @Inject
    DashboardPages pages;

    @Inject
    NodeService nodes;

    @Context
    UriInfo uri;

    Response render(String template, String title, Supplier<Object> model) {
        return pages.page(uri, template, title, model);
    }

    String base() {
        return DashboardPages.base(uri);
    }
}
