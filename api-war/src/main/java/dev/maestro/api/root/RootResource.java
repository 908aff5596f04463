package dev.maestro.api.root;

import dev.maestro.store.migration.Migrations;
import dev.maestro.api.http.JsonResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /}: JSON, as KernelCI's client and older docs expect (upstream now serves HTML), or for a browser the dashboard; and the OpenAPI document's KernelCI address. */
@Path("/")
public class RootResource {
    static final String VERSION = Migrations.CODE_VERSION;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Hello: the API's name and version (a browser asking for HTML is sent to the dashboard)")
    public Response hello(@Context HttpHeaders headers, @Context UriInfo uri) {
        if (prefersHtml(headers)) {
            return Response.seeOther(uri.getBaseUriBuilder().path("dashboard").build()).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "KernelCI API");
        body.put("server", "Maestro EE");
        body.put("version", VERSION);
        return JsonResponses.ok(body);
    }

    /**
     * Whether the first acceptable type that is JSON or HTML is HTML: a browser's Accept header
     * lists {@code text/html} first, while JSON clients send {@code application/json} or
     * {@code *}{@code /*} (which keeps meaning JSON, as before the dashboard).
     */
    static boolean prefersHtml(HttpHeaders headers) {
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

    /**
     * {@code /latest/openapi.json}, where KernelCI's README promises the document: the server's
     * MicroProfile OpenAPI document at {@code /openapi}, asked for as JSON.
     */
    @GET
    @Path("openapi.json")
    @Operation(hidden = true)
    public Response openApiJson(@Context UriInfo uri) {
        return Response.temporaryRedirect(uri.getBaseUriBuilder().path("openapi").queryParam("format", "json").build()).build();
    }
}
