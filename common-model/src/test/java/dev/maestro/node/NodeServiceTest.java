package dev.maestro.node;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static dev.maestro.node.TestNodes.unique;
import static dev.maestro.node.TestNodes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ForbiddenException;
import dev.maestro.error.MaestroException;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.input.HierarchyReader;
import dev.maestro.node.input.KcidbFlagUpdate;
import dev.maestro.node.input.NodePatch;
import dev.maestro.node.input.NodeReader;
import dev.maestro.node.input.NodeReplacement;
import dev.maestro.testing.Backends;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write path against a real MongoDB-wire server and a real Redis. */
class NodeServiceTest {
    private static final User ALICE = user("alice");
    private static final User BOB = user("bob");
    private static final User ADMIN = user("admin", true);

    private static Backends backends;
    private static NodeStore store;
    private static GroupStore groups;
    private static NodeService service;

    @BeforeAll
    static void start() {
        backends = new Backends();
        store = new NodeStore(backends.mongo().database());
        store.createIndexes();
        groups = new GroupStore(backends.mongo().database());
        groups.createIndexes();
        EventLog events = new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI);
        events.createIndexes(Duration.ofDays(1));
        service = new NodeService(store, groups, events);
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    private static Node createCheckout(User owner, String name) {
        return service.create(owner, NodeReader.read(checkoutBody(name)), EventMode.PUBLISH);
    }

    private static List<Document> eventsOf(ObjectId id) {
        return backends.mongo().database().getCollection("eventhistory")
                .find(Filters.and(Filters.eq("channel", "node"), Filters.eq("data.id", id.toHexString())))
                .sort(new Document("sequence_id", 1)).into(new ArrayList<>());
    }

    private static long countNamed(String name) {
        return backends.mongo().database().getCollection("node").countDocuments(Filters.eq("name", name));
    }

    @Test
    void createStoresTheNodeOwnedByTheCallerAndAppendsACreatedEvent() {
        String name = unique("checkout");
        Map<String, Object> body = checkoutBody(name);
        body.put("owner", "someone-else");
        body.put("submitter", "user:alice@example.org");
        Node created = service.create(ALICE, NodeReader.read(body), EventMode.PUBLISH);
        assertThat(created.id()).isNotNull();
        assertThat(created.owner()).isEqualTo("alice");
        assertThat(created.submitter()).isEqualTo("user:alice@example.org");
        assertThat(service.get(created.id())).isEqualTo(created);
        List<Document> events = eventsOf(created.id());
        assertThat(events).hasSize(1);
        Document data = events.get(0).get("data", Document.class);
        assertThat(data.keySet()).containsExactly("op", "id", "kind", "name", "path", "group", "state", "result", "owner",
                "data", "is_hierarchy");
        assertThat(data).containsEntry("op", "created").containsEntry("kind", "checkout").containsEntry("name", name)
                .containsEntry("state", "running").containsEntry("owner", "alice").containsEntry("is_hierarchy", false);
        assertThat(events.get(0).getString("owner")).isEqualTo("alice");
    }

    @Test
    void createTranslatesVersionStrings() {
        Map<String, Object> body = checkoutBody(unique("v"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rev = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("kernel_revision");
        rev.put("version", map("version", "6", "patchlevel", "7"));
        Node n = service.create(ALICE, NodeReader.read(body), EventMode.PUBLISH);
        assertThat(service.get(n.id()).data().get("kernel_revision").toString()).contains("version={version=6, patchlevel=7}");
    }

    @Test
    void createRefusalsStoreNothing() {
        String name = unique("refused");
        Map<String, Object> withId = checkoutBody(name);
        withId.put("id", new ObjectId().toHexString());
        Map<String, Object> badKind = checkoutBody(name);
        badKind.put("kind", "build");
        Map<String, Object> badData = checkoutBody(name);
        badData.put("data", map("kernel_revision", map("tree", "t")));
        Map<String, Object> orphan = checkoutBody(name);
        orphan.put("parent", new ObjectId().toHexString());
        Map<String, Object> noGroup = checkoutBody(name);
        noGroup.put("user_groups", list("no-such-group-" + name));
        assertRefused(withId, 400, "Object cannot be created with id: ");
        assertRefused(badKind, 400, "Unsupported node kind: build");
        assertRefused(badData, 400, "data.kernel_revision.url: Field required");
        assertRefused(orphan, 404, "Parent not found with id: ");
        assertRefused(noGroup, 400, "User group does not exist with name: no-such-group-");
        assertThat(countNamed(name)).isZero();
    }

    private static void assertRefused(Map<String, Object> body, int status, String detail) {
        assertThatThrownBy(() -> service.create(ALICE, NodeReader.read(body), EventMode.PUBLISH))
                .isInstanceOfSatisfying(MaestroException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @Test
    void createWithExistingParentAndGroups() {
        Node parent = createCheckout(ALICE, unique("parent"));
        String group = unique("team");
        groups.insert(group);
        Map<String, Object> body = map("kind", "kbuild", "name", unique("kbuild"), "path", list("checkout", "kbuild"),
                "parent", parent.id().toHexString(), "user_groups", list(group), "data", map("arch", "x86_64"));
        Node child = service.create(ALICE, NodeReader.read(body), EventMode.SUPPRESS);
        assertThat(child.parent()).isEqualTo(parent.id());
        assertThat(child.userGroups()).containsExactly(group);
        assertThat(eventsOf(child.id())).as("suppressed").isEmpty();
    }

    @Test
    void replaceKeepsIdentityFieldsBumpsUpdatedAndAppendsAnUpdatedEvent() {
        Map<String, Object> body = checkoutBody(unique("put"));
        body.put("treeid", "tree-1");
        body.put("submitter", "service:pipeline");
        body.put("created", "2024-01-01T00:00:00");
        Node stored = service.create(ALICE, NodeReader.read(body), EventMode.PUBLISH);

        Map<String, Object> put = new java.util.LinkedHashMap<>(NodeJsonRoundTrip.of(stored));
        put.put("state", "available");
        put.put("result", "pass");
        put.put("created", "2030-01-01T00:00:00");
        put.put("owner", "mallory");
        put.put("treeid", "other");
        put.put("submitter", "other");
        put.put("id", new ObjectId().toHexString());
        Node updated = service.update(ALICE, stored.id(), new NodeReplacement(put), EventMode.PUBLISH);

        assertThat(updated.id()).isEqualTo(stored.id());
        assertThat(updated.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(updated.result()).isEqualTo(NodeResult.PASS);
        assertThat(updated.created()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(updated.owner()).isEqualTo("alice");
        assertThat(updated.treeid()).isEqualTo("tree-1");
        assertThat(updated.submitter()).isEqualTo("service:pipeline");
        assertThat(updated.updated()).isAfterOrEqualTo(stored.updated());
        assertThat(service.get(stored.id())).isEqualTo(updated);
        List<Document> events = eventsOf(stored.id());
        assertThat(events).hasSize(2);
        Document data = events.get(1).get("data", Document.class);
        assertThat(data).containsEntry("op", "updated").containsEntry("state", "available").containsEntry("result", "pass")
                .containsEntry("previous_state", "running").containsEntry("previous_result", null);
        assertThat(data.keySet()).endsWith("is_hierarchy", "previous_state", "previous_result");
    }

    @Test
    void forbiddenTransitionIs400AndChangesNothing() {
        Node n = createCheckout(ALICE, unique("done"));
        service.update(ALICE, n.id(), new NodePatch(map("state", "done")), EventMode.PUBLISH);
        Node done = service.get(n.id());
        for (String back : List.of("running", "available", "closing")) {
            assertThatThrownBy(() -> service.update(ALICE, n.id(), new NodePatch(map("state", back)), EventMode.PUBLISH))
                    .isInstanceOf(BadRequestException.class).hasMessage("Transition not allowed with state: " + back);
        }
        assertThat(service.get(n.id())).isEqualTo(done);
        assertThat(eventsOf(n.id())).hasSize(2);
        Node stillEditable = service.update(ALICE, n.id(), new NodePatch(map("result", "fail")), EventMode.PUBLISH);
        assertThat(stillEditable.result()).isEqualTo(NodeResult.FAIL);
    }

    @Test
    void permissionIsCheckedBeforeTheBodyIsRead() {
        Node n = createCheckout(ALICE, unique("perm"));
        assertThatThrownBy(() -> service.update(BOB, n.id(), new NodeReplacement(map("state", 5)), EventMode.PUBLISH))
                .isInstanceOf(ForbiddenException.class).hasMessage("Unauthorized to complete the operation");
        assertThatThrownBy(() -> service.update(BOB, new ObjectId(), new NodePatch(map()), EventMode.PUBLISH))
                .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Node not found with id: ");
        Node byAdmin = service.update(ADMIN, n.id(), new NodePatch(map("result", "skip")), EventMode.PUBLISH);
        assertThat(byAdmin.result()).isEqualTo(NodeResult.SKIP);
    }

    @Test
    void updateRefusesSelfParentAndMissingParent() {
        Node n = createCheckout(ALICE, unique("parent"));
        Map<String, Object> self = NodeJsonRoundTrip.of(n);
        self.put("parent", n.id().toHexString());
        assertThatThrownBy(() -> service.update(ALICE, n.id(), new NodeReplacement(self), EventMode.PUBLISH))
                .isInstanceOf(BadRequestException.class).hasMessage("Parent cannot be the same as the object");
        Map<String, Object> missing = NodeJsonRoundTrip.of(n);
        missing.put("parent", new ObjectId().toHexString());
        assertThatThrownBy(() -> service.update(ALICE, n.id(), new NodeReplacement(missing), EventMode.PUBLISH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void kcidbFlagIsResetByOrdinaryUpdatesAndKeptWhenTheUpdateSetsIt() {
        Node n = createCheckout(ALICE, unique("flag"));
        Node set = service.update(ALICE, n.id(), new NodePatch(map("processed_by_kcidb_bridge", true)), EventMode.PUBLISH);
        assertThat(set.processedByKcidbBridge()).isTrue();
        Node again = service.update(ALICE, n.id(), new NodePatch(map("processed_by_kcidb_bridge", true)), EventMode.PUBLISH);
        assertThat(again.processedByKcidbBridge()).as("PATCH keeps a flag it carries").isTrue();
        Node reset = service.update(ALICE, n.id(), new NodePatch(map("result", "pass")), EventMode.PUBLISH);
        assertThat(reset.processedByKcidbBridge()).isFalse();
        Node withState = service.update(ALICE, n.id(), new NodePatch(map("processed_by_kcidb_bridge", true, "state", "done")),
                EventMode.PUBLISH);
        assertThat(withState.processedByKcidbBridge()).as("a state change always resets it").isFalse();

        Node m = createCheckout(ALICE, unique("flag-put"));
        Map<String, Object> put = NodeJsonRoundTrip.of(m);
        put.put("processed_by_kcidb_bridge", true);
        assertThat(service.update(ALICE, m.id(), new NodeReplacement(put), EventMode.PUBLISH).processedByKcidbBridge()).isTrue();
        assertThat(service.update(ALICE, m.id(), new NodeReplacement(put), EventMode.PUBLISH).processedByKcidbBridge())
                .as("PUT sending the stored value resets it").isFalse();
    }

    @Test
    void noeventSuppressesTheEventButNotTheWrite() {
        Node n = createCheckout(ALICE, unique("quiet"));
        Node patched = service.update(ALICE, n.id(), new NodePatch(map("result", "pass")), EventMode.SUPPRESS);
        assertThat(patched.result()).isEqualTo(NodeResult.PASS);
        assertThat(eventsOf(n.id())).hasSize(1);
    }

    @Test
    void transitionIsACompareAndSetOnTheState() {
        Node n = createCheckout(ALICE, unique("cas"));
        Optional<Node> wrongFrom = service.transition(n.id(), NodeState.AVAILABLE, NodeState.DONE, x -> x, EventMode.PUBLISH);
        assertThat(wrongFrom).isEmpty();
        Optional<Node> moved = service.transition(n.id(), NodeState.RUNNING, NodeState.DONE,
                x -> x.toBuilder().result(NodeResult.INCOMPLETE).build(), EventMode.PUBLISH);
        assertThat(moved).get().satisfies(x -> {
            assertThat(x.state()).isEqualTo(NodeState.DONE);
            assertThat(x.result()).isEqualTo(NodeResult.INCOMPLETE);
        });
        assertThat(service.transition(n.id(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH)).isEmpty();
        assertThat(eventsOf(n.id())).hasSize(2);
        assertThatThrownBy(() -> service.transition(n.id(), NodeState.DONE, NodeState.RUNNING, x -> x, EventMode.PUBLISH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.transition(new ObjectId(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentTransitionsHappenExactlyOnce() throws Exception {
        Node n = createCheckout(ALICE, unique("race"));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Optional<Node>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Optional<Node>> racer = () -> {
                    go.await();
                    return service.transition(n.id(), NodeState.RUNNING, NodeState.CLOSING, x -> x, EventMode.PUBLISH);
                };
                results.add(pool.submit(racer));
            }
            go.countDown();
            int winners = 0;
            for (Future<Optional<Node>> f : results) {
                winners += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(n.id())).hasSize(2);
        assertThat(service.get(n.id()).state()).isEqualTo(NodeState.CLOSING);
    }

    @Test
    void anUpdateRacingAStateChangeIsRevalidatedAgainstTheNewState() {
        Node n = createCheckout(ALICE, unique("retry"));
        int[] applied = {0};
        NodeChange toAvailable = stored -> {
            if (applied[0]++ == 0) {
                service.transition(n.id(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH);
            }
            return stored.toBuilder().state(NodeState.AVAILABLE).build();
        };
        assertThatThrownBy(() -> service.update(ALICE, n.id(), toAvailable, EventMode.PUBLISH))
                .isInstanceOf(BadRequestException.class).hasMessage("Transition not allowed with state: available");
        assertThat(applied[0]).isEqualTo(2);
        assertThat(service.get(n.id()).state()).isEqualTo(NodeState.DONE);
    }

    @Test
    void anUpdateDoesNotOverwriteFieldsItDidNotChange() {
        Node n = createCheckout(ALICE, unique("merge"));
        NodeChange setResult = stored -> {
            if (stored.debug().isEmpty()) {
                service.update(ALICE, n.id(), new NodePatch(map("debug", map("by", "other"))), EventMode.SUPPRESS);
            }
            return stored.toBuilder().result(NodeResult.PASS).build();
        };
        Node after = service.update(ALICE, n.id(), setResult, EventMode.SUPPRESS);
        assertThat(after.result()).isEqualTo(NodeResult.PASS);
        assertThat(after.debug()).containsEntry("by", "other");
    }

    @Test
    void hierarchyCreatesAndUpdatesEveryNodeWithOneEventEach() {
        Map<String, Object> rootBody = checkoutBody(unique("root"));
        rootBody.put("treeid", "tree-h");
        rootBody.put("submitter", "service:pipeline");
        Node root = service.create(ALICE, NodeReader.read(rootBody), EventMode.PUBLISH);
        Node existingChild = service.create(ALICE, NodeReader.read(map("kind", "job", "name", unique("existing"),
                "path", list("checkout", "x"), "parent", root.id().toHexString())), EventMode.PUBLISH);
        Map<String, Object> rootJson = NodeJsonRoundTrip.of(root);
        rootJson.put("state", "available");
        Map<String, Object> existingJson = NodeJsonRoundTrip.of(existingChild);
        existingJson.put("result", "pass");
        String leafName = unique("leaf");
        Map<String, Object> tree = map("node", rootJson, "child_nodes", list(
                map("node", existingJson, "child_nodes", list(
                        map("node", map("kind", "test", "name", leafName, "path", list("checkout", "x", "leaf"),
                                "owner", ""), "child_nodes", list()))),
                map("node", map("kind", "test", "name", unique("sibling"), "path", list("checkout", "s"),
                        "parent", new ObjectId().toHexString()), "child_nodes", list())));

        List<Node> written = service.submitHierarchy(ALICE, root.id(), HierarchyReader.read(tree), EventMode.PUBLISH);

        assertThat(written).hasSize(4);
        assertThat(written.get(0).id()).isEqualTo(root.id());
        assertThat(written.get(0).state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(written.get(1).id()).isEqualTo(existingChild.id());
        assertThat(written.get(1).result()).isEqualTo(NodeResult.PASS);
        assertThat(written.get(2).parent()).isEqualTo(existingChild.id());
        assertThat(written.get(2).owner()).isEqualTo("alice");
        assertThat(written.get(3).parent()).as("parent forced to the tree's").isEqualTo(root.id());
        assertThat(written).allSatisfy(w -> {
            assertThat(w.treeid()).isEqualTo("tree-h");
            assertThat(w.submitter()).isEqualTo("service:pipeline");
            assertThat(service.get(w.id())).isEqualTo(w);
        });
        assertThat(eventsOf(root.id())).last().satisfies(e -> assertThat(e.get("data", Document.class))
                .containsEntry("op", "updated").containsEntry("is_hierarchy", true).containsEntry("previous_state", "running"));
        assertThat(eventsOf(existingChild.id())).hasSize(2).last()
                .satisfies(e -> assertThat(e.get("data", Document.class)).containsEntry("previous_result", null));
        assertThat(eventsOf(written.get(2).id())).singleElement().satisfies(e -> assertThat(e.get("data", Document.class))
                .containsEntry("op", "created").containsEntry("is_hierarchy", true).doesNotContainKey("previous_state"));
    }

    @Test
    void hierarchyIsAllOrNothing() {
        Node root = createCheckout(ALICE, unique("root"));
        Node bobs = createCheckout(BOB, unique("bobs"));
        String name = unique("never");
        Map<String, Object> goodChild = map("node", map("kind", "test", "name", name, "path", list("x")), "child_nodes", list());
        Map<String, Object> badGrandchild = map("node", map("kind", "test", "name", name, "path", list("x")), "child_nodes",
                list(map("node", map("kind", "kbuild", "name", name, "path", list("x"), "data", map("arch", 64)), "child_nodes", list())));
        Map<String, Object> unknownId = map("node", map("id", new ObjectId().toHexString(), "kind", "test", "name", name,
                "path", list("x")), "child_nodes", list());
        Map<String, Object> othersNode = map("node", map("id", bobs.id().toHexString(), "kind", "test", "name", name,
                "path", list("x")), "child_nodes", list());
        Map<String, Object> rootAgain = map("node", map("id", root.id().toHexString(), "kind", "test", "name", name,
                "path", list("x")), "child_nodes", list());
        Map<String, Object> rootJson = NodeJsonRoundTrip.of(root);
        rootJson.put("name", name);

        assertHierarchyRefused(root, map("node", rootJson, "child_nodes", list(goodChild, badGrandchild)), 400, "data.arch");
        assertHierarchyRefused(root, map("node", rootJson, "child_nodes", list(goodChild, unknownId)), 400, "No object found with id");
        assertHierarchyRefused(root, map("node", rootJson, "child_nodes", list(goodChild, othersNode)), 403,
                "Unauthorized to complete the operation");
        assertHierarchyRefused(root, map("node", rootJson, "child_nodes", list(goodChild, rootAgain)), 400, "more than once");
        assertThat(countNamed(name)).isZero();
        assertThat(service.get(root.id())).isEqualTo(root);
        assertThat(eventsOf(root.id())).hasSize(1);
    }

    private static void assertHierarchyRefused(Node root, Map<String, Object> tree, int status, String detail) {
        assertThatThrownBy(() -> service.submitHierarchy(ALICE, root.id(), HierarchyReader.read(tree), EventMode.PUBLISH))
                .isInstanceOfSatisfying(MaestroException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @Test
    void hierarchyNeedsTheRightToEditTheRoot() {
        Node root = createCheckout(ALICE, unique("root"));
        Map<String, Object> tree = map("node", NodeJsonRoundTrip.of(root), "child_nodes", list());
        assertThatThrownBy(() -> service.submitHierarchy(BOB, root.id(), HierarchyReader.read(tree), EventMode.PUBLISH))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.submitHierarchy(BOB, new ObjectId(), HierarchyReader.read(tree), EventMode.PUBLISH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void batchSetsTheFlagOnEditableNodesOnlyWithAnEventEach() {
        Node mine = createCheckout(ALICE, unique("mine"));
        Node alsoMine = createCheckout(ALICE, unique("mine"));
        Node bobs = createCheckout(BOB, unique("bobs"));
        int count = service.setKcidbFlag(ALICE, KcidbFlagUpdate.read(map("nodes",
                list(mine.id().toHexString(), bobs.id().toHexString(), alsoMine.id().toHexString()),
                "field", "processed_by_kcidb_bridge", "value", "true")), EventMode.PUBLISH);
        assertThat(count).isEqualTo(2);
        assertThat(service.get(mine.id()).processedByKcidbBridge()).isTrue();
        assertThat(service.get(alsoMine.id()).processedByKcidbBridge()).isTrue();
        assertThat(service.get(alsoMine.id()).updated()).isAfterOrEqualTo(alsoMine.updated());
        assertThat(service.get(bobs.id())).isEqualTo(bobs);
        assertThat(eventsOf(mine.id())).hasSize(2);
        assertThat(eventsOf(bobs.id())).hasSize(1);
    }

    @Test
    void batchWithAMissingNodeWritesNothing() {
        Node mine = createCheckout(ALICE, unique("mine"));
        KcidbFlagUpdate update = KcidbFlagUpdate.read(map("nodes", list(mine.id().toHexString(), new ObjectId().toHexString()),
                "field", "processed_by_kcidb_bridge", "value", "true"));
        assertThatThrownBy(() -> service.setKcidbFlag(ALICE, update, EventMode.PUBLISH)).isInstanceOf(NotFoundException.class);
        assertThat(service.get(mine.id())).isEqualTo(mine);
    }
}
