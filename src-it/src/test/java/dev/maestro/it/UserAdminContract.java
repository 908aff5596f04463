package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Admins managing other users ({@code PATCH}/{@code DELETE /user/{id}}), and the promise that a
 * token is only as good as its user's current record: deletion, deactivation and demotion take
 * effect with the very next request.
 */
public interface UserAdminContract extends ApiContract {

    private static List<String> groupNames(ApiResponse user) {
        return ((List<?>) user.map().get("groups")).stream().map(g -> (String) ((Map<?, ?>) g).get("name")).toList();
    }

    @Test
    default void adminEndpointsAre401AnonymousAnd403ForPlainUsers() {
        TestUser plain = TestUsers.create(api(), "plain");
        TestUser target = TestUsers.create(api(), "target");
        String path = "/latest/user/" + target.id();
        ApiClient anonymous = api().anonymous();
        ApiClient user = api().as(plain.token());
        assertThat(anonymous.patch(path, Map.of("is_superuser", true)).status()).isEqualTo(401);
        assertThat(anonymous.delete(path).status()).isEqualTo(401);
        ApiResponse patch = user.patch(path, Map.of("is_superuser", true));
        assertThat(patch.status()).isEqualTo(403);
        assertThat(patch.detail()).isEqualTo("Forbidden");
        assertThat(user.delete(path).status()).isEqualTo(403);
        assertThat(user.patch("/latest/user/" + plain.id(), Map.of("is_superuser", true)).status()).isEqualTo(403);
        assertThat(admin().get(path).map()).containsEntry("is_superuser", false);
    }

    @Test
    default void adminPatchSetsAnyFieldAndReplacesOrClearsGroups() {
        String a = TestUsers.group(TestUsers.unique("ga")).name();
        String b = TestUsers.group(TestUsers.unique("gb")).name();
        TestUser u = TestUsers.create(api(), "managed", a);
        String path = "/latest/user/" + u.id();
        ApiResponse r = admin().patch(path, Map.of("groups", List.of(b), "is_superuser", true, "username", u.username() + "-x"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map()).containsEntry("is_superuser", true).containsEntry("username", u.username() + "-x")
                .containsEntry("email", u.user().email());
        assertThat(groupNames(r)).containsExactly(b);
        assertThat(groupNames(admin().patch(path, Map.of("is_active", true)))).containsExactly(b);
        assertThat(groupNames(admin().patch("/user/" + u.id(), Map.of("groups", List.of())))).isEmpty();
        ApiResponse moved = admin().patch(path, Map.of("email", "moved-" + u.user().email(), "password", "set-by-admin"));
        assertThat(moved.map()).containsEntry("email", "moved-" + u.user().email()).containsEntry("is_verified", false);
        assertThat(admin().patch(path, Map.of("is_verified", 1)).map()).containsEntry("is_verified", true);
        api().login(u.username() + "-x", "set-by-admin");
    }

    @Test
    default void adminPatchValidatesBeforeWriting() {
        TestUser u = TestUsers.create(api(), "checked");
        TestUser other = TestUsers.create(api(), "other");
        String path = "/latest/user/" + u.id();
        ApiResponse unknownGroup = admin().patch(path, Map.of("groups", List.of("ghost-" + u.username()), "is_superuser", true));
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.detail()).isEqualTo("User group does not exist with name: ghost-" + u.username());
        ApiResponse taken = admin().patch(path, Map.of("username", other.username(), "is_superuser", true));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.detail()).isEqualTo("Username already exists: " + other.username());
        ApiResponse emailTaken = admin().patch(path, Map.of("email", other.user().email(), "is_superuser", true));
        assertThat(emailTaken.detail()).isEqualTo("UPDATE_USER_EMAIL_ALREADY_EXISTS");
        assertThat(admin().patch(path, Map.of("is_active", "perhaps")).status()).isEqualTo(422);
        assertThat(admin().patch(path, "{broken").status()).isEqualTo(422);
        assertThat(admin().get(path).map()).containsEntry("is_superuser", false).containsEntry("username", u.username())
                .containsEntry("is_active", true);
    }

    @Test
    default void adminPatchOfUnknownOrMalformedIds() {
        ApiResponse unknown = admin().patch("/latest/user/0123456789abcdef01234567", Map.of("is_active", false));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("User not found with id: 0123456789abcdef01234567");
        ApiResponse malformed = admin().patch("/latest/user/xyz", Map.of("is_active", false));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.detail()).startsWith("'xyz' is not a valid ObjectId");
    }

    @Test
    default void deleteIs204ThenNotFound() {
        TestUser u = TestUsers.create(api(), "doomed");
        ApiResponse deleted = admin().delete("/latest/user/" + u.id());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        for (String id : new String[] {u.id(), "not-an-id"}) {
            ApiResponse again = admin().delete("/user/" + id);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.detail()).isEqualTo("Not Found");
        }
        assertThat(admin().get("/latest/user/" + u.id()).status()).isEqualTo(404);
    }

    @Test
    default void aDeletedUsersTokenIs401AtOnce() {
        TestUser u = TestUsers.create(api(), "deleted");
        ApiClient as = api().as(u.token());
        assertThat(as.get("/latest/whoami").status()).isEqualTo(200);
        admin().delete("/latest/user/" + u.id());
        ApiResponse after = as.get("/latest/whoami");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.detail()).isEqualTo("Unauthorized");
        assertThat(as.get("/latest/users").status()).isEqualTo(401);
    }

    @Test
    default void aDeactivatedUsersTokenIs401AtOnceAndWorksAgainWhenReactivated() {
        TestUser u = TestUsers.create(api(), "paused");
        ApiClient as = api().as(u.token());
        admin().patch("/latest/user/" + u.id(), Map.of("is_active", false));
        assertThat(as.get("/latest/whoami").status()).isEqualTo(401);
        assertThat(as.patch("/latest/user/me", Map.of("username", u.username() + "-r")).status()).isEqualTo(401);
        ApiResponse login = api().postForm("/latest/user/login", Map.of("username", u.username(), "password", u.password()));
        assertThat(login.detail()).isEqualTo("LOGIN_BAD_CREDENTIALS");
        admin().patch("/latest/user/" + u.id(), Map.of("is_active", true));
        assertThat(as.get("/latest/whoami").status()).isEqualTo(200);
    }

    @Test
    default void aDemotedAdminLosesAdminRightsAtOnce() {
        TestUser second = TestUsers.create(api(), "second-admin", true);
        ApiClient as = api().as(second.token());
        assertThat(as.get("/latest/user-groups").status()).isEqualTo(200);
        assertThat(admin().patch("/latest/user/" + second.id(), Map.of("is_superuser", false)).status()).isEqualTo(200);
        ApiResponse after = as.get("/latest/user-groups");
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.detail()).isEqualTo("Forbidden");
        assertThat(as.get("/latest/whoami").map()).containsEntry("is_superuser", false);
    }

    @Test
    default void aPromotedUserGainsAdminRightsWithTheSameToken() {
        TestUser u = TestUsers.create(api(), "promoted");
        ApiClient as = api().as(u.token());
        assertThat(as.get("/latest/user-groups").status()).isEqualTo(403);
        admin().patch("/latest/user/" + u.id(), Map.of("is_superuser", true));
        assertThat(as.get("/latest/user-groups").status()).isEqualTo(200);
    }
}
