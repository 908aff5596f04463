package dev.maestro.api.node;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.openapi.ParameterShapes;
import dev.maestro.json.Json;
import dev.maestro.node.EventMode;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.input.NodePatch;
import dev.maestro.node.input.NodeReader;
import dev.maestro.node.input.NodeReplacement;
import dev.maestro.store.Ids;
import dev.maestro.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One node: {@code GET /node/{id}}, {@code POST /node}, {@code PUT /node/{id}}, {@code PATCH /node/{id}}.
 * One instance serves every request: these are the API's hot paths, and creating and injecting a
 * resource per request was about 5–10 % of their CPU (the caller is a request-scoped proxy).
 */
@Path("/node")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nodes", description = "Nodes: checkouts, builds, jobs, tests and their results")
@ApplicationScoped
public class NodeResource {
    static final String NOEVENT = "true/false, 1/0, yes/no or on/off (any case): when true, no event is published";

    @Inject
    NodeService nodes;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id}")
    @Operation(summary = "Get a node by id")
    @APIResponse(responseCode = "200", description = "The node",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Node")))
    @APIResponse(responseCode = "400", description = "Malformed id")
    @APIResponse(responseCode = "404", description = "No node with this id (KernelCI answers 200 null)")
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                        @PathParam("id") String id) {
        return JsonResponses.ok(NodeJson.toJson(nodes.get(Ids.parse(id))));
    }

    @POST
    @Operation(summary = "Create a node, owned by the caller",
            description = "Body: a node without id. Its kind must be one of checkout, kbuild, test, job, process, "
                    + "regression, node or patchset, and its data must fit the kind. Publishes an event op=created.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The stored node, with its id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Node")))
    @APIResponse(responseCode = "400", description = "Invalid kind or data, unknown user group, or an id in the body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "The parent does not exist")
    @APIResponse(responseCode = "422", description = "Malformed JSON, a missing field or a wrong type")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Node"))) String body) {
        Map<String, Object> json = Json.parseObject(body);
        User caller = currentUser.require();
        return JsonResponses.ok(NodeJson.toJson(nodes.create(caller, NodeReader.read(json), EventMode.PUBLISH)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a node",
            description = "Body: the complete node (omitted fields take their defaults); id, created, owner, submitter, "
                    + "treeid and user_groups are kept. The state may only move forward. Publishes op=updated.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The node as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Node")))
    @APIResponse(responseCode = "400", description = "Transition not allowed, invalid data, or malformed id")
    @APIResponse(responseCode = "403", description = "The caller may not edit this node")
    @APIResponse(responseCode = "404", description = "No node with this id")
    @APIResponse(responseCode = "422", description = "Malformed JSON, a missing field or a wrong type")
    public Response replace(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                            @PathParam("id") String id,
                            @Parameter(description = NOEVENT) @QueryParam("noevent") String noevent,
                            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(ref = "Node"))) String body) {
        Map<String, Object> json = Json.parseObject(body);
        User caller = currentUser.require();
        return JsonResponses.ok(NodeJson.toJson(
                nodes.update(caller, Ids.parse(id), new NodeReplacement(json), EventMode.fromNoevent(noevent))));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change some fields of a node",
            description = "Only state, result, artifacts, data (replaced whole), debug, jobfilter, platform_filter, "
                    + "timeout, holdoff and processed_by_kcidb_bridge can be patched. Publishes op=updated.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The node as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Node")))
    @APIResponse(responseCode = "400", description = "No fields to update, transition not allowed, or invalid data")
    @APIResponse(responseCode = "403", description = "The caller may not edit this node")
    @APIResponse(responseCode = "404", description = "No node with this id")
    public Response patch(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                          @PathParam("id") String id,
                          @Parameter(description = NOEVENT) @QueryParam("noevent") String noevent,
                          @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  schema = @Schema(ref = "NodePatch"))) String body) {
        Map<String, Object> json = Json.parseObject(body);
        User caller = currentUser.require();
        return JsonResponses.ok(NodeJson.toJson(
                nodes.update(caller, Ids.parse(id), new NodePatch(json), EventMode.fromNoevent(noevent))));
    }
}
