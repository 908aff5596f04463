package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The permission matrix of the account endpoints (the node endpoints have theirs in
 * {@link NodePermissionsContract}): users and groups are written by admins only. The account
 * itself (a user acting on its own record), a member of its group and any other user get 403,
 * a request without a token 401, and then nothing has changed; the admin's request succeeds.
 */
public interface AccountPermissionsContract extends ApiContract {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "self, REGISTER, 403", "self, PROMOTE, 403", "self, DELETE_USER, 403", "self, CREATE_GROUP, 403",
            "self, CREATE_GROUP_ALIAS, 403", "self, DELETE_GROUP, 403", "self, DELETE_GROUP_ALIAS, 403",
            "member, REGISTER, 403", "member, PROMOTE, 403", "member, DELETE_USER, 403", "member, CREATE_GROUP, 403",
            "member, CREATE_GROUP_ALIAS, 403", "member, DELETE_GROUP, 403", "member, DELETE_GROUP_ALIAS, 403",
            "other, REGISTER, 403", "other, PROMOTE, 403", "other, DELETE_USER, 403", "other, CREATE_GROUP, 403",
            "other, CREATE_GROUP_ALIAS, 403", "other, DELETE_GROUP, 403", "other, DELETE_GROUP_ALIAS, 403",
            "anonymous, REGISTER, 401", "anonymous, PROMOTE, 401", "anonymous, DELETE_USER, 401", "anonymous, CREATE_GROUP, 401",
            "anonymous, CREATE_GROUP_ALIAS, 401", "anonymous, DELETE_GROUP, 401", "anonymous, DELETE_GROUP_ALIAS, 401",
            "admin, REGISTER, 201", "admin, PROMOTE, 200", "admin, DELETE_USER, 204", "admin, CREATE_GROUP, 200",
            "admin, CREATE_GROUP_ALIAS, 200", "admin, DELETE_GROUP, 204", "admin, DELETE_GROUP_ALIAS, 204"})
    default void accountWriteMatrix(String role, String operation, int expected) {
        String team = TestUsers.unique("acl-team");
        String spareGroup = (String) admin().post("/latest/user-groups", Map.of("name", TestUsers.unique("acl-spare"))).map().get("id");
        TestUser account = TestUsers.create(api(), "acl-self", team);
        String newName = TestUsers.unique("acl-new");
        ApiClient as = switch (role) {
            case "self" -> api().as(account.token());
            case "member" -> api().as(TestUsers.create(api(), "acl-member", team).token());
            case "other" -> api().as(TestUsers.create(api(), "acl-other").token());
            case "anonymous" -> api().anonymous();
            default -> admin();
        };
        Map<String, Object> accountBefore = admin().get("/latest/user/" + account.id()).map();

        ApiResponse r = switch (operation) {
            case "REGISTER" -> as.post("/latest/user/register",
                    Map.of("username", newName, "email", newName + "@example.org", "password", "acl-secret"));
            case "PROMOTE" -> as.patch("/latest/user/" + account.id(), Map.of("is_superuser", true));
            case "DELETE_USER" -> as.delete("/latest/user/" + account.id());
            case "CREATE_GROUP" -> as.post("/latest/user-groups", Map.of("name", newName));
            case "CREATE_GROUP_ALIAS" -> as.post("/latest/group", Map.of("name", newName));
            case "DELETE_GROUP" -> as.delete("/latest/user-groups/" + spareGroup);
            default -> as.delete("/latest/group/" + spareGroup);
        };

        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(r.detail()).isNotNull();
            assertThat(admin().get("/latest/user/" + account.id()).map()).as("account unchanged").isEqualTo(accountBefore);
            assertThat(admin().get("/latest/users?username=" + newName).list("items")).as("no new user").isEmpty();
            assertThat(admin().get("/latest/user-groups?name=" + newName).list("items")).as("no new group").isEmpty();
            assertThat(admin().get("/latest/user-groups/" + spareGroup).status()).as("group kept").isEqualTo(200);
        }
    }
}
