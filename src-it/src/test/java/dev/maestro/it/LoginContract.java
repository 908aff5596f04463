package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, tokens and {@code /whoami}. */
public interface LoginContract extends ApiContract {

    @Test
    default void loginReturnsExactlyTokenAndType() {
        ApiResponse r = api().postForm("/latest/user/login",
                Map.of("username", "admin", "password", System.getProperty("it.admin.password")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map()).containsOnlyKeys("access_token", "token_type").containsEntry("token_type", "bearer");
    }

    @Test
    default void wrongPasswordAndUnknownUserAreTheSame400() {
        ApiResponse wrong = api().postForm("/latest/user/login", Map.of("username", "admin", "password", "nope"));
        ApiResponse unknown = api().postForm("/latest/user/login", Map.of("username", "nobody", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.detail()).isEqualTo("LOGIN_BAD_CREDENTIALS");
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    default void loginWithoutPasswordIs422NamingTheField() {
        ApiResponse r = api().postForm("/latest/user/login", Map.of("username", "admin"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("password");
    }

    @Test
    default void whoamiReturnsUserReadInKernelCiKeyOrder() {
        ApiResponse r = admin().get("/latest/whoami");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map().keySet()).containsExactly("id", "email", "is_active", "is_superuser", "is_verified", "username", "groups");
        assertThat(r.map()).containsEntry("username", "admin").containsEntry("is_superuser", true);
    }

    @Test
    default void missingOrGarbageTokenIs401WithJsonDetail() {
        ApiResponse none = api().get("/latest/whoami");
        ApiResponse garbage = api().as("not-a-jwt").get("/latest/whoami");
        assertThat(none.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(none.detail()).isEqualTo("Unauthorized");
        assertThat(garbage.detail()).isEqualTo("Unauthorized");
    }
}
