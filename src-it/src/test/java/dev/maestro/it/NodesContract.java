package dev.maestro.it;

import static dev.maestro.it.support.NodeBodies.checkout;
import static dev.maestro.it.support.NodeBodies.list;
import static dev.maestro.it.support.NodeBodies.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.EventHistory;
import dev.maestro.it.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every node endpoint over HTTP: shapes, kept fields, transitions and the events each write appends. */
public interface NodesContract extends ApiContract {
    List<String> NODE_KEYS = List.of("id", "kind", "name", "path", "group", "parent", "state", "result", "artifacts",
            "data", "debug", "jobfilter", "platform_filter", "created", "updated", "timeout", "holdoff", "owner",
            "submitter", "treeid", "user_groups", "processed_by_kcidb_bridge", "retry_counter");
    List<String> CREATED_EVENT_KEYS = List.of("op", "id", "kind", "name", "path", "group", "state", "result", "owner",
            "data", "is_hierarchy");

    /** Creates a node as the admin and returns its JSON. */
    default Map<String, Object> createNode(Map<String, Object> body) {
        return createNode(admin(), body);
    }

    default Map<String, Object> createNode(ApiClient as, Map<String, Object> body) {
        ApiResponse r = as.post("/latest/node", body);
        assertThat(r.status()).as("create: %s", r).isEqualTo(200);
        return r.map();
    }

    default Map<String, Object> getNode(String id) {
        ApiResponse r = api().get("/latest/node/" + id);
        assertThat(r.status()).as("get: %s", r).isEqualTo(200);
        return r.map();
    }

    @Test
    default void createAnswersTheStoredNodeWithKernelCisKeysAndTheCallerAsOwner() {
        String name = TestUsers.unique("checkout");
        Map<String, Object> body = checkout(name, name);
        body.put("owner", "someone-else");
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) body.get("data"))
                .get("kernel_revision"));
        version.put("version", map("version", "6", "patchlevel", "7", "extra", "-rc1"));
        Map<String, Object> node = createNode(body);
        assertThat(node.keySet()).containsExactlyElementsOf(NODE_KEYS);
        assertThat(node).containsEntry("name", name).containsEntry("kind", "checkout").containsEntry("owner", "admin")
                .containsEntry("state", "running").containsEntry("result", null).containsEntry("parent", null)
                .containsEntry("processed_by_kcidb_bridge", false).containsEntry("retry_counter", 0);
        assertThat((String) node.get("id")).matches("[0-9a-f]{24}");
        assertThat((String) node.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(node.get("data").toString()).contains("version={version=6, patchlevel=7, extra=-rc1}");
        assertThat(getNode((String) node.get("id"))).isEqualTo(node);
        assertThat(api().get("/node/" + node.get("id")).map()).as("unversioned").isEqualTo(node);
    }

    @Test
    default void createAppendsACreatedEventWithTheExactPayload() {
        Map<String, Object> node = createNode(checkout(TestUsers.unique("evt"), "events"));
        List<Document> events = EventHistory.nodeEvents((String) node.get("id"));
        assertThat(events).hasSize(1);
        Document data = events.get(0);
        assertThat(data.keySet()).containsExactlyElementsOf(CREATED_EVENT_KEYS);
        assertThat(data).containsEntry("op", "created").containsEntry("id", node.get("id"))
                .containsEntry("kind", "checkout").containsEntry("name", node.get("name"))
                .containsEntry("group", "events").containsEntry("state", "running").containsEntry("result", null)
                .containsEntry("owner", "admin").containsEntry("is_hierarchy", false);
        assertThat(data.get("path")).isEqualTo(List.of("checkout"));
        assertThat(data.get("data", Document.class)).containsKey("kernel_revision");
    }

    @Test
    default void getOfAMissingNodeIs404AndOfAMalformedIdIs400() {
        ApiResponse missing = api().get("/latest/node/000000000000000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Node not found with id: 000000000000000000000000");
        ApiResponse malformed = api().get("/latest/node/xyz");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.detail()).contains("'xyz' is not a valid ObjectId");
    }

    @Test
    default void putReplacesTheNodeButKeepsCreatedOwnerSubmitterTreeidAndGroups() {
        String name = TestUsers.unique("put");
        Map<String, Object> body = checkout(name, name);
        body.put("created", "2024-01-01T00:00:00");
        body.put("submitter", "service:pipeline");
        body.put("treeid", "tree-" + name);
        String id = (String) createNode(body).get("id");
        Map<String, Object> put = new LinkedHashMap<>(getNode(id));
        put.put("state", "available");
        put.put("result", "pass");
        put.put("created", "2030-01-01T00:00:00Z");
        put.put("owner", "mallory");
        put.put("submitter", "other");
        put.put("treeid", "other");
        put.put("id", "000000000000000000000000");
        put.put("holdoff", "2030-01-01 10:00:00+02:00");
        put.put("client_extra", "ignored");
        ApiResponse r = admin().put("/latest/node/" + id, put);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.map().keySet()).containsExactlyElementsOf(NODE_KEYS);
        assertThat(r.map()).containsEntry("id", id).containsEntry("state", "available").containsEntry("result", "pass")
                .containsEntry("created", "2024-01-01T00:00:00").containsEntry("owner", "admin")
                .containsEntry("submitter", "service:pipeline").containsEntry("treeid", "tree-" + name)
                .containsEntry("holdoff", "2030-01-01T08:00:00");
        assertThat(getNode(id)).isEqualTo(r.map());
        Document event = EventHistory.nodeEvents(id).get(1);
        assertThat(event.keySet()).containsExactly("op", "id", "kind", "name", "path", "group", "state", "result", "owner",
                "data", "is_hierarchy", "previous_state", "previous_result");
        assertThat(event).containsEntry("op", "updated").containsEntry("state", "available")
                .containsEntry("previous_state", "running").containsEntry("previous_result", null);
    }

    @Test
    default void patchChangesOnlyTheGivenFieldsAndBumpsUpdated() {
        Map<String, Object> created = createNode(checkout(TestUsers.unique("patch"), "patch"));
        String id = (String) created.get("id");
        ApiResponse r = admin().patch("/latest/node/" + id, map("result", "fail", "data", map("error_code", "node_timeout"),
                "name", "ignored", "holdoff", "2030-01-01T00:00:00Z"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.map()).containsEntry("result", "fail").containsEntry("name", created.get("name"))
                .containsEntry("data", map("error_code", "node_timeout")).containsEntry("holdoff", "2030-01-01T00:00:00")
                .containsEntry("state", "running").containsEntry("created", created.get("created"));
        assertThat((String) r.map().get("updated")).isGreaterThanOrEqualTo((String) created.get("updated"));
        assertThat(EventHistory.nodeEvents(id)).last().satisfies(e -> assertThat(e)
                .containsEntry("op", "updated").containsEntry("result", "fail").containsEntry("previous_result", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "1", "yes", "on"})
    default void noeventSuppressesTheEventOfPutAndPatch(String noevent) {
        String id = (String) createNode(checkout(TestUsers.unique("quiet"), "quiet")).get("id");
        assertThat(admin().patch("/latest/node/" + id + "?noevent=" + noevent, map("result", "pass")).status()).isEqualTo(200);
        Map<String, Object> put = getNode(id);
        put.put("state", "done");
        assertThat(admin().put("/latest/node/" + id + "?noevent=" + noevent, put).status()).isEqualTo(200);
        assertThat(EventHistory.nodeEvents(id)).hasSize(1);
        assertThat(getNode(id)).containsEntry("result", "pass").containsEntry("state", "done");
        assertThat(admin().patch("/latest/node/" + id + "?noevent=false", map("result", "fail")).status()).isEqualTo(200);
        assertThat(EventHistory.nodeEvents(id)).hasSize(2);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "running, available, 200", "running, closing, 200", "running, done, 200", "running, running, 200",
            "available, running, 400", "available, closing, 200", "available, done, 200", "available, available, 200",
            "closing, running, 400", "closing, available, 400", "closing, done, 200", "closing, closing, 200",
            "done, running, 400", "done, available, 400", "done, closing, 400", "done, done, 200"})
    default void stateTransitionsFollowTheStateMachine(String from, String to, int status) {
        String id = (String) createNode(checkout(TestUsers.unique("sm"), "sm")).get("id");
        if (!from.equals("running")) {
            assertThat(admin().patch("/latest/node/" + id, map("state", from)).status()).isEqualTo(200);
        }
        Map<String, Object> before = getNode(id);
        ApiResponse r = admin().patch("/latest/node/" + id, map("state", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        if (status == 400) {
            assertThat(r.detail()).isEqualTo("Transition not allowed with state: " + to);
            assertThat(getNode(id)).isEqualTo(before);
            Map<String, Object> put = new LinkedHashMap<>(before);
            put.put("state", to);
            ApiResponse viaPut = admin().put("/latest/node/" + id, put);
            assertThat(viaPut.status()).isEqualTo(400);
            assertThat(getNode(id)).isEqualTo(before);
        } else {
            assertThat(r.map()).containsEntry("state", to);
        }
    }

    @Test
    default void hierarchySubmitStoresTheTreeAndAppendsOneEventPerNode() {
        String group = TestUsers.unique("tree");
        Map<String, Object> root = createNode(checkout("checkout", group));
        String rootId = (String) root.get("id");
        Map<String, Object> rootJson = new LinkedHashMap<>(root);
        rootJson.put("state", "available");
        Map<String, Object> tree = map("node", rootJson, "child_nodes", list(
                map("node", map("kind", "kbuild", "name", "kbuild-gcc", "path", list("checkout", "kbuild-gcc"),
                        "group", group, "data", map("arch", "x86_64")), "child_nodes", list(
                        map("node", map("kind", "test", "name", "boot", "path", list("checkout", "kbuild-gcc", "boot"),
                                "group", group, "result", "pass"), "child_nodes", list()))),
                map("node", map("kind", "job", "name", "baseline", "path", list("checkout", "baseline"), "group", group),
                        "child_nodes", list())));
        ApiResponse r = admin().put("/latest/nodes/" + rootId, tree);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Object> nodes = r.list();
        assertThat(nodes).hasSize(4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = nodes.stream().map(n -> (Map<String, Object>) n).toList();
        assertThat(stored).extracting(n -> n.get("name")).containsExactly("checkout", "kbuild-gcc", "boot", "baseline");
        assertThat(stored.get(0)).containsEntry("id", rootId).containsEntry("state", "available");
        assertThat(stored.get(1)).containsEntry("parent", rootId).containsEntry("owner", "admin");
        assertThat(stored.get(2)).containsEntry("parent", stored.get(1).get("id"));
        assertThat(stored.get(3)).containsEntry("parent", rootId);
        stored.forEach(n -> assertThat(getNode((String) n.get("id"))).isEqualTo(n));
        assertThat(api().get("/latest/count?group=" + group).json()).isEqualTo(4);
        assertThat(EventHistory.nodeEvents(rootId)).hasSize(2).last().satisfies(e -> assertThat(e)
                .containsEntry("op", "updated").containsEntry("is_hierarchy", true).containsEntry("previous_state", "running"));
        for (Map<String, Object> child : stored.subList(1, 4)) {
            assertThat(EventHistory.nodeEvents((String) child.get("id"))).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("op", "created").containsEntry("is_hierarchy", true));
        }
    }

    @Test
    default void batchSetsTheKcidbFlagWithAnEventPerNode() {
        String group = TestUsers.unique("batch");
        String a = (String) createNode(checkout("a", group)).get("id");
        String b = (String) createNode(checkout("b", group)).get("id");
        ApiResponse r = admin().put("/latest/batch/nodeset", map("nodes", list(a, b), "field", "processed_by_kcidb_bridge",
                "value", "True"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(2);
        assertThat(api().get("/latest/count?group=" + group + "&processed_by_kcidb_bridge=true").json()).isEqualTo(2);
        assertThat(EventHistory.nodeEvents(a)).hasSize(2);
        assertThat(EventHistory.nodeEvents(b)).last().satisfies(e -> assertThat(e).containsEntry("op", "updated"));
        ApiResponse back = admin().put("/latest/batch/nodeset", map("nodes", list(a), "field", "processed_by_kcidb_bridge",
                "value", "false"));
        assertThat(back.json()).isEqualTo(1);
        assertThat(getNode(a)).containsEntry("processed_by_kcidb_bridge", false);
    }

    @Test
    default void listingsHaveTheirShapes() {
        String group = TestUsers.unique("shape");
        for (int i = 0; i < 3; i++) {
            createNode(checkout("n" + i, group));
        }
        ApiResponse page = api().get("/latest/nodes?group=" + group + "&limit=2&offset=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.map().keySet()).containsExactly("items", "total", "limit", "offset");
        assertThat(page.map()).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 1);
        assertThat((List<?>) page.map().get("items")).hasSize(2);
        assertThat(api().get("/latest/nodes?group=" + group).map()).containsEntry("limit", 50).containsEntry("offset", 0);
        ApiResponse fast = api().get("/latest/nodes/fast?group=" + group);
        assertThat(fast.list()).hasSize(3);
        assertThat(api().get("/latest/nodes/fast?group=" + group + "&limit=1").list()).hasSize(1);
        assertThat(api().get("/latest/count?group=" + group + "&limit=1&offset=2").json()).as("count ignores limit/offset")
                .isEqualTo(3);
        assertThat(api().get("/count?group=" + group).json()).isEqualTo(3);
    }

    @Test
    default void openApiDescribesEveryNodeEndpointAndTheNodeModel() {
        ApiResponse r = api().send("GET", "/openapi", null, "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/node:", "/node/{id}:", "/nodes:", "/nodes/fast:", "/nodes/{id}:", "/batch/nodeset:",
                "/count:", "    Node:", "processed_by_kcidb_bridge", "#/components/schemas/Node\"", "patch:");
    }
}
