package dev.maestro.api.user;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.json.Json;
import dev.maestro.user.PasswordResetService;
import dev.maestro.user.UserService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Passwords without a token: the mailed reset flow, and a change with the current password. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "user")
public class PasswordResource {
    @Inject
    PasswordResetService resets;

    @Inject
    UserService users;

    @POST
    @Path("user/forgot-password")
    @Operation(summary = "Mail a password-reset token (valid one hour, single use) to the account with this address")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "EmailRequest")))
    @APIResponse(responseCode = "202", description = "null, whether or not an account has this address")
    @APIResponse(responseCode = "503", description = "No SMTP server is configured")
    public Response forgotPassword(String body) {
        resets.forgotPassword(Json.parseObject(body));
        return JsonResponses.status(202, null);
    }

    @POST
    @Path("user/reset-password")
    @Operation(summary = "Set a new password with a mailed reset token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ResetPasswordRequest")))
    @APIResponse(responseCode = "200", description = "null")
    @APIResponse(responseCode = "400", description = "RESET_PASSWORD_BAD_TOKEN (unknown, expired or used), or a refused password")
    public Response resetPassword(String body) {
        resets.resetPassword(Json.parseObject(body));
        return JsonResponses.ok(null);
    }

    @POST
    @Path("user/update-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change a password with the current one")
    @APIResponse(responseCode = "200", description = "null")
    @APIResponse(responseCode = "400", description = "LOGIN_BAD_CREDENTIALS, or a refused password")
    @APIResponse(responseCode = "422", description = "A form field is missing")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "UpdatePasswordForm")))
    public Response updatePassword(MultivaluedMap<String, String> form) {
        // A map rather than @FormParams, for the document (see LoginResource).
        Map<String, Object> fields = new HashMap<>();
        for (String name : List.of("username", "password", "new_password")) {
            fields.put(name, form.getFirst(name));
        }
        users.updatePassword(fields);
        return JsonResponses.ok(null);
    }
}
