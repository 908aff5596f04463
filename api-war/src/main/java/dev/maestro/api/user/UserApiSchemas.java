package dev.maestro.api.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of the user endpoints, for the OpenAPI document only: the resources read and
 * write JSON through common-model (KernelCI's field names, hence the snake case here). Notes go
 * on the types: Payara's generator spells out every default of a field-level {@code @Schema}.
 */
final class UserApiSchemas {
    private UserApiSchemas() {
    }

    @Schema(name = "UserGroup", description = "A user group")
    record Group(String id, String name) {
    }

    @Schema(name = "UserRead", description = "A user. email is null unless the caller is that user or an admin.")
    record UserRead(String id, @Schema(nullable = true) String email, boolean is_active, boolean is_superuser, boolean is_verified, String username,
                    List<Group> groups) {
    }

    @Schema(name = "UserCreate", requiredProperties = {"email", "password", "username"},
            description = "A new user; groups are names of existing groups. Defaults: active, not verified, not admin.")
    record UserCreate(String email, String password, String username, List<String> groups,
                      Boolean is_superuser, Boolean is_active, Boolean is_verified) {
    }

    @Schema(name = "UserUpdate", description = "Fields to change; absent or null ones stay as they are. Only admins may set "
            + "is_active, is_superuser, is_verified and groups (which replace the user's groups; [] removes all).")
    record UserUpdate(String username, String email, String password, Boolean is_active, Boolean is_superuser,
                      Boolean is_verified, List<String> groups) {
    }

    @Schema(name = "UserPage")
    record UserPage(List<UserRead> items, long total, int limit, int offset) {
    }

    @Schema(name = "UserGroupPage")
    record GroupPage(List<Group> items, long total, int limit, int offset) {
    }

    @Schema(name = "UserGroupCreate", requiredProperties = "name")
    record GroupCreate(String name) {
    }

    @Schema(name = "LoginForm", requiredProperties = {"username", "password"},
            description = "OAuth2's password form: grant_type, when given, is password")
    record LoginForm(String username, String password, String grant_type) {
    }

    @Schema(name = "UpdatePasswordForm", requiredProperties = {"username", "password", "new_password"})
    record UpdatePasswordForm(String username, String password, String new_password) {
    }

    @Schema(name = "EmailRequest", requiredProperties = "email")
    record EmailRequest(String email) {
    }

    @Schema(name = "VerifyRequest", requiredProperties = "token", description = "token: from the verification mail")
    record VerifyRequest(String token) {
    }

    @Schema(name = "ResetPasswordRequest", requiredProperties = {"token", "password"}, description = "token: from the reset mail")
    record ResetPasswordRequest(String token, String password) {
    }
}
