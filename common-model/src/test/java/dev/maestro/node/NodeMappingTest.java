package dev.maestro.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class NodeMappingTest {
    private static final ObjectId ID = new ObjectId("61bda8f2eb1a63d2b7152418");
    private static final ObjectId PARENT = new ObjectId("61bda8f2eb1a63d2b7152417");
    private static final Instant CREATED = Instant.parse("2024-02-01T09:58:28.479Z");

    private final Node node = Node.builder().id(ID).kind("kbuild").name("kbuild-gcc-12-x86").path(List.of("checkout", "kbuild-gcc-12-x86"))
            .group("kbuild-gcc-12-x86").parent(PARENT).state(NodeState.AVAILABLE).result(NodeResult.PASS)
            .artifacts(Map.of("tarball", "https://storage.example.org/linux.tar.gz"))
            .data(new LinkedHashMap<>(Map.of("arch", "x86_64", "misc", Map.of("n", 1))))
            .debug(Map.of()).jobfilter(null).platformFilter(List.of("qemu"))
            .created(CREATED).updated(CREATED).timeout(CREATED.plusSeconds(21600)).holdoff(null)
            .owner("admin").submitter("service:pipeline").treeid("abc").userGroups(List.of("team-a"))
            .processedByKcidbBridge(true).retryCounter(2).build();

    @Test
    void jsonHasKernelCisTwentyThreeKeysInOrder() {
        Map<String, Object> json = NodeJson.toJson(node);
        assertThat(json.keySet()).containsExactly("id", "kind", "name", "path", "group", "parent", "state", "result",
                "artifacts", "data", "debug", "jobfilter", "platform_filter", "created", "updated", "timeout", "holdoff",
                "owner", "submitter", "treeid", "user_groups", "processed_by_kcidb_bridge", "retry_counter");
        assertThat(json).containsEntry("id", "61bda8f2eb1a63d2b7152418")
                .containsEntry("parent", "61bda8f2eb1a63d2b7152417")
                .containsEntry("state", "available")
                .containsEntry("result", "pass")
                .containsEntry("created", "2024-02-01T09:58:28.479000")
                .containsEntry("timeout", "2024-02-01T15:58:28.479000")
                .containsEntry("holdoff", null)
                .containsEntry("retry_counter", 2);
    }

    @Test
    void documentUsesObjectIdsDatesAndEnumStrings() {
        Document d = NodeDocuments.toDocument(node);
        assertThat(d.get("_id")).isEqualTo(ID);
        assertThat(d.get("parent")).isEqualTo(PARENT);
        assertThat(d.get("created")).isEqualTo(Date.from(CREATED));
        assertThat(d.get("state")).isEqualTo("available");
        assertThat(d.get("result")).isEqualTo("pass");
        assertThat(d.keySet()).hasSize(23);
    }

    @Test
    void documentRoundTripGivesTheSameNode() {
        Document stored = Document.parse(NodeDocuments.toDocument(node).toJson());
        assertThat(NodeDocuments.fromDocument(stored)).isEqualTo(node);
    }

    @Test
    void aSparseForeignDocumentLoadsWithModelDefaults() {
        Node n = NodeDocuments.fromDocument(new Document("_id", ID).append("name", "legacy").append("path", List.of("legacy")));
        assertThat(n.kind()).isEqualTo("node");
        assertThat(n.state()).isEqualTo(NodeState.RUNNING);
        assertThat(n.artifacts()).isEmpty();
        assertThat(n.data()).isEmpty();
        assertThat(n.platformFilter()).isEmpty();
        assertThat(n.userGroups()).isEmpty();
        assertThat(n.retryCounter()).isZero();
        assertThat(NodeJson.toJson(n)).hasSize(23);
    }

    @Test
    void changesListOnlyTheFieldsThatDiffer() {
        Node after = node.toBuilder().state(NodeState.DONE).data(new LinkedHashMap<>(node.data())).build();
        assertThat(NodeDocuments.changes(node, after)).isEqualTo(new Document("state", "done"));
        Node noData = node.toBuilder().data(null).build();
        assertThat(NodeDocuments.changes(node, noData)).containsOnlyKeys("data").containsEntry("data", null);
    }

    @Test
    void eventPayloadHasKernelCisKeys() {
        assertThat(NodeEvent.created(node, false).toData().keySet()).containsExactly("op", "id", "kind", "name", "path", "group",
                "state", "result", "owner", "data", "is_hierarchy");
        Node previous = node.toBuilder().state(NodeState.RUNNING).result(null).build();
        NodeEvent event = NodeEvent.updated(node, previous, true);
        Map<String, Object> updated = event.toData();
        assertThat(updated.keySet()).containsExactly("op", "id", "kind", "name", "path", "group", "state", "result",
                "owner", "data", "is_hierarchy", "previous_state", "previous_result");
        assertThat(updated).containsEntry("op", "updated").containsEntry("is_hierarchy", true)
                .containsEntry("previous_state", "running").containsEntry("previous_result", null)
                .containsEntry("state", "available").containsEntry("id", ID.toHexString());
        assertThat(NodeEvent.read(updated)).as("what consumers read back").isEqualTo(event);
    }
}
