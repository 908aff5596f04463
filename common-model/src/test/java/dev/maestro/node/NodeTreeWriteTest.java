package dev.maestro.node;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static dev.maestro.node.TestNodes.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.ForbiddenException;
import dev.maestro.error.MaestroException;
import dev.maestro.error.NotFoundException;
import dev.maestro.node.input.HierarchyReader;
import dev.maestro.node.input.KcidbFlagUpdate;
import dev.maestro.node.input.NodeReader;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Writes of several nodes: hierarchy submit and the batch flag update. */
class NodeTreeWriteTest extends NodeServiceFixture {

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
        KcidbFlagUpdate update = KcidbFlagUpdate.read(map("nodes",
                list(mine.id().toHexString(), bobs.id().toHexString(), alsoMine.id().toHexString()),
                "field", "processed_by_kcidb_bridge", "value", "true"));
        int count = service.setKcidbFlag(ALICE, update.ids(), update.value(), EventMode.PUBLISH);
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
        assertThatThrownBy(() -> service.setKcidbFlag(ALICE, update.ids(), update.value(), EventMode.PUBLISH)).isInstanceOf(NotFoundException.class);
        assertThat(service.get(mine.id())).isEqualTo(mine);
    }

    private static void assertHierarchyRefused(Node root, Map<String, Object> tree, int status, String detail) {
        assertThatThrownBy(() -> service.submitHierarchy(ALICE, root.id(), HierarchyReader.read(tree), EventMode.PUBLISH))
                .isInstanceOfSatisfying(MaestroException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
