package dev.maestro.api.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of the user endpoints, for the OpenAPI document only: the resources read and
 * write JSON through common-model (KernelCI's field names, hence the snake case here).
 */
final class UserApiSchemas {
    private UserApiSchemas() {
    }

    @Schema(name = "UserGroup", description = "A user group")
    record Group(@Schema(example = "65a1f2c3d4e5f60718293a4b") String id, @Schema(example = "kernelci") String name) {
    }

    @Schema(name = "UserRead", description = "A user; email is null unless the caller is that user or an admin")
    record UserRead(String id, @Schema(nullable = true) String email, boolean is_active, boolean is_superuser,
                    boolean is_verified, String username, List<Group> groups) {
    }

    @Schema(name = "UserCreate", description = "A new user (fastapi-users defaults: active, not verified, not admin)")
    record UserCreate(@Schema(required = true) String email, @Schema(required = true) String password,
                      @Schema(required = true) String username, @Schema(description = "names of existing groups") List<String> groups,
                      Boolean is_superuser, Boolean is_active, Boolean is_verified) {
    }

    @Schema(name = "UserUpdate", description = "Fields to change; absent or null ones stay as they are")
    record UserUpdate(String username, String email, String password,
                      @Schema(description = "admins only") Boolean is_active,
                      @Schema(description = "admins only") Boolean is_superuser,
                      @Schema(description = "admins only") Boolean is_verified,
                      @Schema(description = "admins only: replaces the user's groups ([] removes all)") List<String> groups) {
    }

    @Schema(name = "UserPage")
    record UserPage(List<UserRead> items, long total, int limit, int offset) {
    }

    @Schema(name = "UserGroupPage")
    record GroupPage(List<Group> items, long total, int limit, int offset) {
    }

    @Schema(name = "UserGroupCreate")
    record GroupCreate(@Schema(required = true) String name) {
    }

    @Schema(name = "EmailRequest")
    record EmailRequest(@Schema(required = true) String email) {
    }

    @Schema(name = "VerifyRequest")
    record VerifyRequest(@Schema(required = true, description = "the token from the verification mail") String token) {
    }

    @Schema(name = "ResetPasswordRequest")
    record ResetPasswordRequest(@Schema(required = true, description = "the token from the reset mail") String token,
                                @Schema(required = true) String password) {
    }
}
