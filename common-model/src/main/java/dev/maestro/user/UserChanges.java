package dev.maestro.user;

import dev.maestro.json.BodyFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code PATCH /user/...} body (KernelCI's UserUpdateRequest): every field optional,
 * an absent or {@code null} one leaves the user's value as it is.
 */
record UserChanges(Optional<String> username, Optional<String> email, Optional<String> password,
                   Optional<Boolean> active, Optional<Boolean> superuser, Optional<Boolean> verified,
                   Optional<List<String>> groups) {

    static UserChanges from(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        UserChanges changes = new UserChanges(f.optionalUsername("username"), f.optionalEmail("email"),
                f.optionalString("password"), f.optionalBoolean("is_active"), f.optionalBoolean("is_superuser"),
                f.optionalBoolean("is_verified"), f.optionalUniqueStrings("groups"));
        f.validate();
        return changes;
    }

    /** What a user may change about themselves: the account flags and groups are dropped. */
    UserChanges selfService() {
        return new UserChanges(username, email, password, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
