package dev.maestro.api.node;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeQuery;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Node queries. Every query parameter except {@code limit}, {@code offset} and {@code sort} is a
 * filter: {@code field=value} or {@code field__op=value} with op one of lt, lte, gt, gte, ne, re,
 * in, nin, int (see common-model's {@code NodeFilter}). One instance serves every request (a hot
 * path; see {@link NodeResource}), so the request's URI comes as a parameter.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nodes")
@ApplicationScoped
public class NodeQueryResource {
    static final String FILTERS = "Every parameter except limit, offset and sort filters: field=value or field__op=value, "
            + "op one of lt, lte, gt, gte, ne, re, in, nin (comma-separated), int. Dotted paths reach into data "
            + "(data.kernel_revision.tree=mainline); value null matches null or missing (parent=null finds roots); "
            + "created/updated/timeout/holdoff take ISO-8601 timestamps. sort=field or sort=-field.";

    @Inject
    NodeService nodes;

    @GET
    @Path("nodes")
    @Operation(summary = "Query nodes, one page at a time", description = FILTERS + " limit (default 50, ≥1), offset (≥0).")
    @APIResponse(responseCode = "200", description = "The page and the number of all matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NodePage")))
    @APIResponse(responseCode = "400", description = "A malformed filter (bad date, integer, id, regex or operator)")
    @APIResponse(responseCode = "422", description = "limit or offset out of range")
    public Response page(@Context UriInfo uri) {
        return JsonResponses.ok(nodes.search(NodeQuery.paged(QueryParameters.of(uri))).toJson(NodeJson::toJson));
    }

    @GET
    @Path("nodes/fast")
    @Operation(summary = "Query nodes, all matches in a bare list", description = FILTERS + " limit (0 = all, the default), offset.")
    @APIResponse(responseCode = "200", description = "The matching nodes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NodeList")))
    @APIResponse(responseCode = "400", description = "A malformed filter")
    @APIResponse(responseCode = "422", description = "limit or offset out of range")
    public Response fast(@Context UriInfo uri) {
        return JsonResponses.ok(nodes.list(NodeQuery.unpaged(QueryParameters.of(uri))).stream().map(NodeJson::toJson).toList());
    }

    @GET
    @Path("count")
    @Operation(summary = "Count matching nodes", description = FILTERS + " limit, offset and sort are ignored.")
    @APIResponse(responseCode = "200", description = "The number of matching nodes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "A malformed filter")
    public Response count(@Context UriInfo uri) {
        return JsonResponses.ok(nodes.count(NodeQuery.counting(QueryParameters.of(uri))));
    }
}
