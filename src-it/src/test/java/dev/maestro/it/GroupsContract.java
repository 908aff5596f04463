package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User groups, admins only, under KernelCI's {@code /user-groups} and its client's {@code /group(s)}. */
public interface GroupsContract extends ApiContract {

    private String createGroup(String name) {
        ApiResponse r = admin().post("/latest/user-groups", Map.of("name", name));
        assertThat(r.status()).isEqualTo(200);
        return (String) r.map().get("id");
    }

    private long countGroups(String name) {
        return ((Number) admin().get("/latest/user-groups?name=" + ApiClient.enc(name)).map().get("total")).longValue();
    }

    @Test
    default void createReadListAndDeleteAGroup() {
        String name = TestUsers.unique("team");
        ApiResponse created = admin().post("/latest/user-groups", Map.of("name", name));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.map().keySet()).containsExactly("id", "name");
        String id = (String) created.map().get("id");
        assertThat(admin().get("/latest/user-groups/" + id).map()).isEqualTo(created.map());
        ApiResponse page = admin().get("/latest/user-groups?name=" + name);
        assertThat(page.map()).containsEntry("total", 1).containsEntry("limit", 50).containsEntry("offset", 0);
        assertThat(page.list("items")).containsExactly(created.map());
        ApiResponse deleted = admin().delete("/latest/user-groups/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        ApiResponse gone = admin().get("/user-groups/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.detail()).isEqualTo("User group not found with id: " + id);
        assertThat(admin().delete("/latest/user-groups/" + id).status()).isEqualTo(404);
    }

    @Test
    default void theClientsGroupRoutesBehaveTheSame() {
        String name = TestUsers.unique("alias");
        ApiResponse created = admin().post("/latest/group", Map.of("name", name));
        assertThat(created.status()).isEqualTo(200);
        String id = (String) created.map().get("id");
        assertThat(admin().get("/latest/group/" + id).map()).isEqualTo(created.map());
        assertThat(admin().get("/latest/groups?name=" + name).map()).containsEntry("total", 1);
        assertThat(admin().post("/latest/group", Map.of("name", name)).detail())
                .isEqualTo("User group already exists with name: " + name);
        assertThat(admin().get("/latest/group/nope").status()).isEqualTo(400);
        assertThat(admin().delete("/latest/group/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/latest/group/" + id).status()).isEqualTo(404);
        TestUser plain = TestUsers.create(api(), "plain");
        assertThat(api().as(plain.token()).get("/latest/groups").status()).isEqualTo(403);
        assertThat(api().post("/latest/group", Map.of("name", name)).status()).isEqualTo(401);
    }

    @Test
    default void everyGroupRouteIs401AnonymousAnd403ForPlainUsers() {
        String id = createGroup(TestUsers.unique("guarded"));
        TestUser plain = TestUsers.create(api(), "plain");
        Map<String, Object> body = Map.of("name", TestUsers.unique("sneaky"));
        Map<ApiClient, Integer> expected = Map.of(api().anonymous(), 401, api().as(plain.token()), 403);
        expected.forEach((client, status) -> {
            for (String prefix : new String[] {"/latest/user-groups", "/latest/group"}) {
                List<ApiResponse> answers = List.of(client.get("/latest/user-groups"), client.get("/latest/groups"),
                        client.get(prefix + "/" + id), client.post(prefix, body), client.delete(prefix + "/" + id));
                assertThat(answers).extracting(ApiResponse::status).containsOnly(status);
                assertThat(answers).extracting(ApiResponse::detail).containsOnly(status == 401 ? "Unauthorized" : "Forbidden");
            }
        });
        assertThat(countGroups((String) body.get("name"))).isZero();
        assertThat(admin().get("/latest/user-groups/" + id).status()).isEqualTo(200);
    }

    @Test
    default void duplicateNamesAre400AndStoreNothing() {
        String name = TestUsers.unique("dup");
        createGroup(name);
        ApiResponse again = admin().post("/latest/user-groups", Map.of("name", name));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.detail()).isEqualTo("User group already exists with name: " + name);
        assertThat(countGroups(name)).isEqualTo(1);
    }

    @Test
    default void malformedBodiesAndIdsAreClientErrors() {
        for (Object body : List.of(Map.of(), Map.of("name", ""), Map.of("name", 3), "{oops", "")) {
            ApiResponse r = admin().post("/latest/user-groups", body);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(422);
            assertThat(r.detail()).isInstanceOf(List.class);
        }
        ApiResponse malformed = admin().get("/latest/user-groups/xyz");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.detail()).startsWith("'xyz' is not a valid ObjectId");
        assertThat(admin().delete("/latest/user-groups/xyz").status()).isEqualTo(400);
        ApiResponse unknown = admin().get("/latest/user-groups/0123456789abcdef01234567");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo("User group not found with id: 0123456789abcdef01234567");
    }

    @Test
    default void aGroupInUseIs409UntilNoUserHasIt() {
        String name = TestUsers.unique("busy");
        String id = createGroup(name);
        TestUser member = TestUsers.create(api(), "member", name);
        ApiResponse busy = admin().delete("/latest/user-groups/" + id);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.detail()).isEqualTo("User group is assigned to users and cannot be deleted. Remove it from users first.");
        assertThat(countGroups(name)).isEqualTo(1);
        admin().patch("/latest/user/" + member.id(), Map.of("groups", List.of()));
        assertThat(admin().delete("/latest/user-groups/" + id).status()).isEqualTo(204);
    }

    @Test
    default void groupsArePaginated() {
        String tag = TestUsers.unique("paged");
        for (int i = 0; i < 3; i++) {
            createGroup(tag + "-" + i);
        }
        ApiResponse all = admin().get("/latest/user-groups?limit=1000");
        assertThat(((Number) all.map().get("total")).longValue()).isGreaterThanOrEqualTo(3);
        List<?> items = (List<?>) all.map().get("items");
        List<String> ours = items.stream().map(g -> (String) ((Map<?, ?>) g).get("name")).filter(n -> n.startsWith(tag)).toList();
        assertThat(ours).containsExactly(tag + "-0", tag + "-1", tag + "-2");
        Map<String, Object> second = admin().get("/latest/user-groups?name=" + tag + "-1&limit=1&offset=0").map();
        assertThat((List<?>) second.get("items")).hasSize(1);
        assertThat(admin().get("/latest/user-groups?limit=0").status()).isEqualTo(422);
        assertThat(admin().get("/latest/groups?offset=-2").status()).isEqualTo(422);
    }

    @Test
    default void theLegacyEditorsGroupExistsFromTheStart() {
        assertThat(countGroups("node:edit:any")).isEqualTo(1);
    }
}
