package dev.maestro.api.user;

import dev.maestro.api.http.JsonResponses;
import dev.maestro.json.Json;
import dev.maestro.user.EmailVerificationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** E-mail verification with a mailed token (fastapi-users' routes, which KernelCI does not serve). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "user")
public class VerificationResource {
    @Inject
    EmailVerificationService verification;

    @POST
    @Path("user/request-verify-token")
    @Operation(summary = "Mail a verification token (valid 24 hours) to the unverified account with this address")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.EmailRequest.class)))
    @APIResponse(responseCode = "202", description = "null, whether or not such an account exists")
    @APIResponse(responseCode = "503", description = "No SMTP server is configured")
    public Response requestToken(String body) {
        verification.requestToken(Json.parseObject(body));
        return JsonResponses.status(202, null);
    }

    @POST
    @Path("user/verify")
    @Operation(summary = "Verify an e-mail address with the mailed token")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserApiSchemas.VerifyRequest.class)))
    @APIResponse(responseCode = "200", description = "The verified user",
            content = @Content(schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @APIResponse(responseCode = "400", description = "VERIFY_USER_BAD_TOKEN or VERIFY_USER_ALREADY_VERIFIED")
    public Response verify(String body) {
        return JsonResponses.ok(verification.verify(Json.parseObject(body)).toJson());
    }
}
