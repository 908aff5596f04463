package dev.maestro.user;

import dev.maestro.json.BodyFields;
import java.util.List;
import java.util.Map;

/** A validated {@code POST /user/register} body (KernelCI's UserCreateRequest, fastapi-users' defaults). */
record UserCreate(String email, String password, String username, List<String> groups,
                  boolean superuser, boolean active, boolean verified) {

    static UserCreate from(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        UserCreate create = new UserCreate(f.requiredEmail("email"), f.requiredString("password"), f.requiredUsername("username"),
                f.optionalUniqueStrings("groups").orElse(List.of()), f.optionalBoolean("is_superuser").orElse(false),
                f.optionalBoolean("is_active").orElse(true), f.optionalBoolean("is_verified").orElse(false));
        f.validate();
        return create;
    }
}
