package dev.maestro.it;

import static dev.maestro.it.support.NodeBodies.list;
import static dev.maestro.it.support.NodeBodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may change a node, for every write: the owner, a member of one of the node's user groups,
 * a member of {@code node:edit:any}, a runtime editor and an admin may; anybody else gets 403
 * (batch: skipped), and without a token 401.
 */
public interface NodePermissionsContract extends ApiContract {

    /** The users of the matrix, created on first use. */
    final class Cast {
        static final String RUNTIME = "lava-" + TestUsers.unique("lab");
        private static String team;
        private static Map<String, TestUser> users;

        private Cast() {
        }

        static synchronized String team() {
            if (team == null) {
                team = TestUsers.unique("team");
                TestUsers.group(team);
            }
            return team;
        }

        static synchronized ApiClient as(ApiContract c, String role) {
            if (users == null) {
                users = new LinkedHashMap<>();
                users.put("owner", TestUsers.create(c.api(), "owner"));
                users.put("member", TestUsers.create(c.api(), "member", team()));
                users.put("other", TestUsers.create(c.api(), "other", "some-other-team"));
                users.put("editany", TestUsers.create(c.api(), "editany", "node:edit:any"));
                users.put("runtime", TestUsers.create(c.api(), "runtime", "runtime:" + RUNTIME + ":node-editor"));
                users.put("runtimeadmin", TestUsers.create(c.api(), "runtimeadmin", "runtime:" + RUNTIME + ":node-admin"));
            }
            return switch (role) {
                case "admin" -> c.admin();
                case "anonymous" -> c.api().anonymous();
                default -> c.api().as(users.get(role).token());
            };
        }
    }

    /** A job owned by "owner", shared with the team, run by the cast's runtime. */
    default Map<String, Object> ownersNode() {
        ApiResponse r = Cast.as(this, "owner").post("/latest/node", map("kind", "job", "name", TestUsers.unique("perm"),
                "path", list("checkout", "perm"), "group", "permissions", "user_groups", list(Cast.team()),
                "data", map("runtime", Cast.RUNTIME)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.map();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "owner, PUT, 200", "owner, PATCH, 200", "owner, HIERARCHY, 200", "owner, BATCH, 200",
            "member, PUT, 200", "member, PATCH, 200", "member, HIERARCHY, 200", "member, BATCH, 200",
            "editany, PUT, 200", "editany, PATCH, 200", "editany, HIERARCHY, 200", "editany, BATCH, 200",
            "runtime, PUT, 200", "runtime, PATCH, 200", "runtime, HIERARCHY, 200", "runtime, BATCH, 200",
            "runtimeadmin, PATCH, 200",
            "admin, PUT, 200", "admin, PATCH, 200", "admin, HIERARCHY, 200", "admin, BATCH, 200",
            "other, PUT, 403", "other, PATCH, 403", "other, HIERARCHY, 403", "other, BATCH, 0",
            "anonymous, PUT, 401", "anonymous, PATCH, 401", "anonymous, HIERARCHY, 401", "anonymous, BATCH, 401"})
    default void editMatrix(String role, String operation, int expected) {
        Map<String, Object> node = ownersNode();
        String id = (String) node.get("id");
        ApiClient as = Cast.as(this, role);
        Map<String, Object> changed = new LinkedHashMap<>(node);
        changed.put("result", "pass");
        ApiResponse r = switch (operation) {
            case "PUT" -> as.put("/latest/node/" + id, changed);
            case "PATCH" -> as.patch("/latest/node/" + id, map("result", "pass"));
            case "HIERARCHY" -> as.put("/latest/nodes/" + id, map("node", changed, "child_nodes", list()));
            default -> as.put("/latest/batch/nodeset", map("nodes", list(id), "field", "processed_by_kcidb_bridge", "value", "true"));
        };
        Map<String, Object> after = api().get("/latest/node/" + id).map();
        if (expected == 200) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (operation.equals("BATCH")) {
                assertThat(r.json()).isEqualTo(1);
                assertThat(after).containsEntry("processed_by_kcidb_bridge", true);
            } else {
                assertThat(after).containsEntry("result", "pass").containsEntry("owner", node.get("owner"));
            }
        } else if (expected == 0) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json()).as("batch skips nodes the caller may not edit").isEqualTo(0);
            assertThat(after).isEqualTo(node);
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(expected);
            assertThat(r.detail()).isEqualTo(expected == 403 ? "Unauthorized to complete the operation" : "Unauthorized");
            assertThat(after).isEqualTo(node);
        }
    }

    @Test
    default void anyUserMayCreateAndOwnsWhatTheyCreate() {
        Map<String, Object> node = ownersNode();
        assertThat((String) node.get("owner")).startsWith("owner-");
        ApiResponse anonymous = api().post("/latest/node", map("name", "x", "path", list()));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    default void aHierarchyCannotReplaceSomebodyElsesNode() {
        Map<String, Object> mine = ownersNode();
        ApiResponse others = Cast.as(this, "other").post("/latest/node", map("kind", "test", "name", TestUsers.unique("theirs"),
                "path", list("theirs")));
        Map<String, Object> theirs = others.map();
        Map<String, Object> hijack = new LinkedHashMap<>(theirs);
        hijack.put("result", "fail");
        ApiResponse r = Cast.as(this, "owner").put("/latest/nodes/" + mine.get("id"),
                map("node", mine, "child_nodes", list(map("node", hijack, "child_nodes", list()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(api().get("/latest/node/" + theirs.get("id")).map()).isEqualTo(theirs);
        assertThat(api().get("/latest/node/" + mine.get("id")).map()).isEqualTo(mine);
    }
}
