package dev.maestro.api.root;

import dev.maestro.store.migration.Migrations;
import dev.maestro.api.http.JsonResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hello: the API's name and version")
    public Response hello() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "KernelCI API");
        body.put("server", "Maestro EE");
        body.put("version", VERSION);
        return JsonResponses.ok(body);
    }

    /**
     * A browser (its Accept header names {@code text/html}, ahead of its {@code *}{@code /*}) is
     * sent to the dashboard. The low {@code qs} makes JSON win whenever the client accepts both
     * equally, as {@code *}{@code /*} alone or no Accept header does, so JSON clients keep
     * {@link #hello()}.
     */
    @GET
    @Produces("text/html;qs=0.5")
    @Operation(hidden = true)
    public Response browser(@Context UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("dashboard").build()).build();
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
