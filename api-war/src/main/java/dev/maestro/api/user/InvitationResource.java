package dev.maestro.api.user;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.json.Json;
import dev.maestro.user.InvitationService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** KernelCI's invitations: admins invite, the invited person accepts with a password (JSON or the HTML page). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "user")
public class InvitationResource {
    private static final String PAGE = "accept-invite.html";

    @Inject
    InvitationService invitations;

    @Inject
    CurrentUser currentUser;

    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    Optional<String> publicBaseUrl;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @POST
    @Path("user/invite")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Invite a user (admin): created unverified with its groups, mailed a link to set a password")
    @APIResponse(responseCode = "200", description = "The invited user")
    @APIResponse(responseCode = "400", description = "The user exists already, or a rule of the body is broken")
    @APIResponse(responseCode = "422", description = "A missing field or a wrong type")
    public Response invite(String body) {
        currentUser.requireAdmin();
        return JsonResponses.ok(invitations.invite(Json.parseObject(body), base()).toJson());
    }

    @GET
    @Path("user/invite/url")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Where invitations are accepted (admin)")
    @APIResponse(responseCode = "200", description = "public_base_url and accept_invite_url")
    public Response inviteUrl() {
        currentUser.requireAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("public_base_url", base());
        body.put("accept_invite_url", InvitationService.acceptInviteUrl(base()));
        return JsonResponses.ok(body);
    }

    @POST
    @Path("user/accept-invite")
    @Operation(summary = "Accept an invitation: its token and the new password; the account is then verified")
    @APIResponse(responseCode = "200", description = "The user, now verified")
    @APIResponse(responseCode = "400", description = "An invalid, expired or used token, or a refused password")
    @APIResponse(responseCode = "404", description = "The invited user no longer exists")
    @APIResponse(responseCode = "422", description = "A missing field or a wrong type")
    public Response accept(String body) {
        return JsonResponses.ok(invitations.accept(Json.parseObject(body)).toJson());
    }

    /** The page the mailed link opens: a password form that posts to the route above. */
    @GET
    @Path("user/accept-invite")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page where an invited person chooses a password")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response page() {
        try (InputStream in = InvitationResource.class.getResourceAsStream(PAGE)) {
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String base() {
        return PublicBaseUrl.of(publicBaseUrl, request.getRemoteAddr(), headers, uri);
    }
}
