package dev.maestro.node;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static dev.maestro.node.TestNodes.unique;
import static dev.maestro.node.TestNodes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ForbiddenException;
import dev.maestro.error.MaestroException;
import dev.maestro.error.NotFoundException;
import dev.maestro.node.input.NodePatch;
import dev.maestro.node.input.NodeReader;
import dev.maestro.node.input.NodeReplacement;
import dev.maestro.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The write path against a real MongoDB-wire server and a real Redis: create and update. */
class NodeServiceTest extends NodeServiceFixture {

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
}
