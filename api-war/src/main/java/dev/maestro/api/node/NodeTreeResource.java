package dev.maestro.api.node;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.openapi.ParameterShapes;
import dev.maestro.json.Json;
import dev.maestro.node.EventMode;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.input.HierarchyReader;
import dev.maestro.node.input.KcidbFlagUpdate;
import dev.maestro.store.Ids;
import dev.maestro.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Writes of several nodes at once: {@code PUT /nodes/{id}} (hierarchy) and {@code PUT /batch/nodeset}.
 *
 * <p>One instance serves every request, as for {@link NodeResource}: creating
 * and injecting one per request cost about 6 % of the server's CPU on the event path
 * ({@code bench/listen-latency}); the caller comes through a request-scoped proxy.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "nodes")
@ApplicationScoped
public class NodeTreeResource {
    @Inject
    NodeService nodes;

    @Inject
    CurrentUser currentUser;

    @PUT
    @Path("nodes/{id}")
    @Operation(summary = "Submit a node hierarchy under an existing root",
            description = "The root ({id}) is replaced and its descendants created (or replaced when they carry an id). "
                    + "The whole tree is validated before anything is written: all or nothing. One event per node "
                    + "(is_hierarchy=true).")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The stored nodes, root first, then its descendants depth-first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "NodeList")))
    @APIResponse(responseCode = "400", description = "Invalid data in some node, or an id that does not exist")
    @APIResponse(responseCode = "403", description = "The caller may not edit the root or an existing node of the tree")
    @APIResponse(responseCode = "404", description = "No root node with this id")
    @APIResponse(responseCode = "422", description = "Malformed JSON, a missing field or a wrong type anywhere in the tree")
    public Response submitHierarchy(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                                    @PathParam("id") String id,
                                    @Parameter(description = NodeResource.NOEVENT) @QueryParam("noevent") String noevent,
                                    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "Hierarchy"))) String body) {
        Map<String, Object> json = Json.parseObject(body);
        User caller = currentUser.require();
        EventMode mode = EventMode.fromNoevent(noevent);
        return JsonResponses.ok(nodes.submitHierarchy(caller, Ids.parse(id), HierarchyReader.read(json), mode)
                .stream().map(NodeJson::toJson).toList());
    }

    @PUT
    @Path("batch/nodeset")
    @Operation(summary = "Set processed_by_kcidb_bridge on several nodes",
            description = "Nodes the caller may not edit are skipped. Every id must exist before anything is written. "
                    + "One event per changed node.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "How many nodes were updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "400", description = "Field not supported, a value other than true/false, or a malformed id")
    @APIResponse(responseCode = "404", description = "One of the nodes does not exist")
    @APIResponse(responseCode = "422", description = "Malformed JSON, a missing field or a wrong type")
    public Response setKcidbFlag(@Parameter(description = NodeResource.NOEVENT) @QueryParam("noevent") String noevent,
                                 @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         schema = @Schema(ref = "NodeSetUpdate"))) String body) {
        Map<String, Object> json = Json.parseObject(body);
        User caller = currentUser.require();
        EventMode mode = EventMode.fromNoevent(noevent);
        KcidbFlagUpdate update = KcidbFlagUpdate.read(json);
        return JsonResponses.ok(nodes.setKcidbFlag(caller, update.ids(), update.value(), mode));
    }
}
