package dev.maestro.api.user;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.error.ValidationException;
import dev.maestro.user.UserService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Login (OAuth2 password form) and {@code /whoami}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {
    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("user/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in with username and password; returns a bearer token")
    @APIResponse(responseCode = "200", description = "The token: {\"access_token\", \"token_type\": \"bearer\"}")
    @APIResponse(responseCode = "400", description = "LOGIN_BAD_CREDENTIALS (or an inactive user)")
    @APIResponse(responseCode = "422", description = "A form field is missing, or grant_type is not password")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "LoginForm")))
    public Response login(MultivaluedMap<String, String> form) {
        // The form as a map, not @FormParams: Payara documents @FormParams as a */* string.
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        String grantType = form.getFirst("grant_type");
        if (username == null) {
            throw ValidationException.of("missing", "Field required", "body", "username");
        }
        if (password == null) {
            throw ValidationException.of("missing", "Field required", "body", "password");
        }
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            throw ValidationException.of("string_pattern_mismatch", "String should match pattern '^password$'", "body", "grant_type");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", users.login(username, password));
        body.put("token_type", "bearer");
        return JsonResponses.ok(body);
    }

    @GET
    @Path("whoami")
    @Operation(summary = "The authenticated user (a verified account is required)")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserApiSchemas.UserRead.class)))
    @SecurityRequirement(name = "bearer")
    public Response whoami() {
        return JsonResponses.ok(currentUser.requireVerified().toJson());
    }
}
