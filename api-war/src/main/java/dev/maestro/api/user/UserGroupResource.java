package dev.maestro.api.user;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.api.openapi.ParameterShapes;
import dev.maestro.json.Json;
import dev.maestro.store.PageRequest;
import dev.maestro.user.GroupRef;
import dev.maestro.user.GroupService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * User groups, admins only: KernelCI's {@code /user-groups} routes, and the {@code /group},
 * {@code /groups} and {@code /group/{id}} routes its Python client calls, which answer the same.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "user-groups")
@SecurityRequirement(name = "bearer")
public class UserGroupResource {
    @Inject
    GroupService groups;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    @GET
    @Path("user-groups")
    @Operation(summary = "User groups, paginated (limit, offset); any other query parameter is an exact-match filter")
    @APIResponse(responseCode = "200", description = "One page of groups",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.GroupPage.class)))
    @APIResponse(responseCode = "422", description = "limit or offset out of range")
    public Response list() {
        currentUser.requireAdmin();
        return JsonResponses.ok(groups.list(PageRequest.from(QueryParameters.of(uri))).toJson(GroupRef::toJson));
    }

    @GET
    @Path("groups")
    @Operation(summary = "Same as GET /user-groups (the route KernelCI's client uses)")
    @APIResponse(responseCode = "200", description = "One page of groups",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.GroupPage.class)))
    @APIResponse(responseCode = "422", description = "limit or offset out of range")
    public Response listAlias() {
        return list();
    }

    @POST
    @Path("user-groups")
    @Operation(summary = "Create a user group")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.GroupCreate.class)))
    @APIResponse(responseCode = "200", description = "The new group",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.Group.class)))
    @APIResponse(responseCode = "400", description = "A group with this name exists")
    public Response create(String body) {
        currentUser.requireAdmin();
        return JsonResponses.ok(groups.create(Json.parseObject(body)).toJson());
    }

    @POST
    @Path("group")
    @Operation(summary = "Same as POST /user-groups (the route KernelCI's client uses)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.GroupCreate.class)))
    @APIResponse(responseCode = "200", description = "The new group",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.Group.class)))
    public Response createAlias(String body) {
        return create(body);
    }

    @GET
    @Path("user-groups/{id}")
    @Operation(summary = "A user group by id")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.Group.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "400", description = "A malformed id")
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                        @PathParam("id") String id) {
        currentUser.requireAdmin();
        return JsonResponses.ok(groups.get(id).toJson());
    }

    @GET
    @Path("group/{id}")
    @Operation(summary = "Same as GET /user-groups/{id} (the route KernelCI's client uses)")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.Group.class)))
    @APIResponse(responseCode = "400", description = "A malformed id")
    @APIResponse(responseCode = "404", description = "No such group")
    public Response getAlias(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                             @PathParam("id") String id) {
        return get(id);
    }

    @DELETE
    @Path("user-groups/{id}")
    @Operation(summary = "Delete a user group that no user is in")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "Users are still in the group")
    @APIResponse(responseCode = "400", description = "A malformed id")
    public Response delete(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                           @PathParam("id") String id) {
        currentUser.requireAdmin();
        groups.delete(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("group/{id}")
    @Operation(summary = "Same as DELETE /user-groups/{id} (the route KernelCI's client uses)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "A malformed id")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "Users are still in the group")
    public Response deleteAlias(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                                @PathParam("id") String id) {
        return delete(id);
    }
}
