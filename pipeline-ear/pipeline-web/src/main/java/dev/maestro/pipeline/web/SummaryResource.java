package dev.maestro.pipeline.web;

import dev.maestro.json.Json;
import dev.maestro.pipeline.reporting.CheckoutSummaries;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /pipeline/summary/{checkout id}}: the checkout's summary as JSON, or as a page for
 * a client that prefers {@code text/html} (a browser). Until the checkout is complete the
 * summary is computed on the spot with {@code "complete": false}; once complete it is the one
 * recorded (and mailed), with its {@code report} delivery state. 400 for an id that is not one,
 * 404 for a node that does not exist or is not a checkout.
 */
@Path("summary/{id}")
@RequestScoped
public class SummaryResource {

    @Inject
    CheckoutSummaries summaries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response summary(@PathParam("id") String id, @Context HttpHeaders headers) {
        if (!Ids.isValid(id)) {
            return detail(Response.Status.BAD_REQUEST, "Invalid checkout id: " + id);
        }
        Optional<Map<String, Object>> summary = summaries.view(id);
        if (summary.isEmpty()) {
            return detail(Response.Status.NOT_FOUND, "Checkout not found with id: " + id);
        }
        if (prefersHtml(headers)) {
            return Response.ok(summaries.page(summary.get()), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
        }
        return Response.ok(Json.write(summary.get()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first acceptable type that is JSON or HTML decides; a wildcard means JSON. */
    private static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
            if (MediaType.TEXT_HTML_TYPE.isCompatible(type) && !type.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }

    private static Response detail(Response.Status status, String detail) {
        return DetailResponses.detail(status.getStatusCode(), detail);
    }
}
