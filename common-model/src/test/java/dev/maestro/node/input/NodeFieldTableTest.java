package dev.maestro.node.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.node.Node;
import dev.maestro.node.NodeDocuments;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.field.NodeField.Write;
import dev.maestro.node.query.FieldType;
import dev.maestro.node.query.NodeFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Every field of {@link NodeField} goes through every mapping derived from it: a node with each
 * field set to a value other than its default must come back whole from a document, from its
 * JSON read as a request, and field by field from a patch or a replacement. A field added to the
 * table but missed by a mapping (or by this test's node) fails here, named.
 */
class NodeFieldTableTest {
    private static final Instant AT = Instant.parse("2024-02-01T09:58:28.479Z");

    /** Every field differs from {@link Node#builder()}'s default (checked by the first test). */
    private static final Node FULL = Node.builder().id(new ObjectId("61bda8f2eb1a63d2b7152418")).kind("kbuild")
            .name("kbuild-gcc-12-x86").path(List.of("checkout", "kbuild-gcc-12-x86")).group("kbuild")
            .parent(new ObjectId("61bda8f2eb1a63d2b7152417")).state(NodeState.AVAILABLE).result(NodeResult.PASS)
            .artifacts(Map.of("tarball", "https://storage.example.org/linux.tar.gz"))
            .data(Map.of("arch", "x86_64", "misc", Map.of("deep", true))).debug(Map.of("note", "n"))
            .jobfilter(List.of("baseline")).platformFilter(List.of("qemu")).created(AT).updated(AT.plusSeconds(1))
            .timeout(AT.plusSeconds(21600)).holdoff(AT.plusSeconds(600)).owner("admin").submitter("service:pipeline")
            .treeid("abc").userGroups(List.of("team-a", "team-b")).processedByKcidbBridge(true).retryCounter(2).build();

    @Test
    void theTestNodeSetsEveryFieldToOtherThanItsDefault() {
        Node defaults = Node.builder().build();
        for (NodeField f : NodeField.all()) {
            assertThat(FULL.value(f)).as(f.wire()).isNotNull().isNotEqualTo(defaults.value(f));
        }
    }

    @Test
    void aDocumentHoldsEveryFieldByItsStoredNameAndReadsBackWhole() {
        Document d = NodeDocuments.toDocument(FULL);
        assertThat(d.keySet()).containsExactlyElementsOf(NodeField.all().stream().map(NodeField::stored).toList());
        Document stored = Document.parse(d.toJson());
        assertThat(NodeDocuments.fromDocument(stored)).isEqualTo(FULL);
    }

    @Test
    void theJsonHoldsEveryFieldByItsWireNameAndReadsBackWholeAsARequest() {
        Map<String, Object> json = NodeJson.toJson(FULL);
        assertThat(json.keySet()).containsExactlyElementsOf(NodeField.all().stream().map(NodeField::wire).toList());
        assertThat(NodeReader.read(Json.parseObject(Json.write(json)))).isEqualTo(FULL);
    }

    @Test
    void aPatchSetsExactlyThePatchableFields() {
        Node stored = Node.builder().build();
        Map<String, Object> json = Json.parseObject(Json.write(NodeJson.toJson(FULL)));
        Node patched = new NodePatch(json).apply(stored);
        for (NodeField f : NodeField.all()) {
            Object expected = f.write() == Write.PATCHABLE ? FULL.value(f) : stored.value(f);
            assertThat(patched.value(f)).as(f.wire()).isEqualTo(expected);
        }
    }

    @Test
    void aReplacementKeepsExactlyTheFieldsSetOnce() {
        Node stored = Node.builder().build();
        Node replaced = new NodeReplacement(Json.parseObject(Json.write(NodeJson.toJson(FULL)))).apply(stored);
        for (NodeField f : NodeField.all()) {
            Object expected = f.write() == Write.SET_ONCE ? stored.value(f) : FULL.value(f);
            assertThat(replaced.value(f)).as(f.wire()).isEqualTo(expected);
        }
    }

    @Test
    void everyFieldIsQueriedByItsWireNameAtItsStoredName() {
        Map<String, FieldType> types = new LinkedHashMap<>();
        NodeField.all().forEach(f -> types.put(f.wire(), NodeFields.typeOf(f.wire())));
        assertThat(types).containsEntry("id", FieldType.OBJECT_ID).containsEntry("parent", FieldType.OBJECT_ID)
                .containsEntry("created", FieldType.DATE).containsEntry("retry_counter", FieldType.INTEGER)
                .containsEntry("processed_by_kcidb_bridge", FieldType.BOOLEAN).containsEntry("state", FieldType.STRING)
                .containsEntry("user_groups", FieldType.STRING).containsEntry("data", FieldType.UNTYPED);
        assertThat(NodeFields.typeOf("artifacts.tarball")).isEqualTo(FieldType.STRING);
        NodeField.all().forEach(f -> assertThat(NodeFields.storedName(f.wire())).isEqualTo(f.stored()));
    }
}
