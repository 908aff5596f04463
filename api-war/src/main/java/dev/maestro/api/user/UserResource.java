package dev.maestro.api.user;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.api.openapi.ParameterShapes;
import dev.maestro.json.Json;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import dev.maestro.user.User;
import dev.maestro.user.UserService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
 * User accounts: registration and management by admins, a user's own profile, and reading
 * users. Who may call is checked first (401/403), then the body (422), then the rules.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "user")
@SecurityRequirement(name = "bearer")
public class UserResource {
    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    @POST
    @Path("user/register")
    @Operation(summary = "Create a user (admins only)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.UserCreate.class)))
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @APIResponse(responseCode = "400", description = "REGISTER_USER_ALREADY_EXISTS, an unknown group, or a refused password")
    public Response register(String body) {
        currentUser.requireAdmin();
        return JsonResponses.status(201, users.register(Json.parseObject(body)).toJson());
    }

    @PATCH
    @Path("user/me")
    @Operation(summary = "Change your own username, e-mail (to be verified again) or password")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.UserUpdate.class)))
    @APIResponse(responseCode = "200", description = "You, updated",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @APIResponse(responseCode = "400", description = "Name or e-mail taken, groups given, or a refused password")
    public Response updateMe(String body) {
        User me = currentUser.require();
        return JsonResponses.ok(users.updateSelf(me, Json.parseObject(body)).toJson());
    }

    @GET
    @Path("user/{id}")
    @Operation(summary = "A user by id")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                        @PathParam("id") String id) {
        User viewer = currentUser.require();
        return JsonResponses.ok(users.get(id).toJsonFor(viewer));
    }

    @PATCH
    @Path("user/{id}")
    @Operation(summary = "Change any field of a user, groups included (admins only)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.UserUpdate.class)))
    @APIResponse(responseCode = "200", description = "The user, updated",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public Response update(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                           @PathParam("id") String id, String body) {
        currentUser.requireAdmin();
        return JsonResponses.ok(users.updateById(id, Json.parseObject(body)).toJson());
    }

    @DELETE
    @Path("user/{id}")
    @Operation(summary = "Delete a user; their tokens stop working at once (admins only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response delete(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ParameterShapes.OBJECT_ID))
                           @PathParam("id") String id) {
        currentUser.requireAdmin();
        users.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("users")
    @Operation(summary = "Users, paginated (limit, offset); any other query parameter is an exact-match filter")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserPage.class)))
    @APIResponse(responseCode = "400", description = "Filtering by hashed_password")
    @APIResponse(responseCode = "403", description = "Filtering by email without being an admin")
    @APIResponse(responseCode = "422", description = "limit or offset out of range")
    public Response list() {
        User viewer = currentUser.require();
        Page<User> page = users.list(viewer, PageRequest.from(QueryParameters.of(uri)));
        return JsonResponses.ok(page.toJson(u -> u.toJsonFor(viewer)));
    }
}
