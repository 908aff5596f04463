package dev.maestro.node.input;

import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodePatchTest {
    private final Node stored = Node.builder().kind("test").name("t").path(List.of("t")).state(NodeState.RUNNING)
            .result(NodeResult.PASS).data(Map.of("a", 1)).holdoff(Instant.parse("2024-01-01T00:00:00Z"))
            .timeout(Instant.parse("2024-01-02T00:00:00Z")).owner("alice").build();

    @Test
    void setsOnlyThePresentFieldsAndReplacesDataWhole() {
        Node n = new NodePatch(map("state", "done", "data", map("b", 2))).apply(stored);
        assertThat(n.state()).isEqualTo(NodeState.DONE);
        assertThat(n.data()).isEqualTo(Map.of("b", 2));
        assertThat(n.result()).isEqualTo(NodeResult.PASS);
        assertThat(n.holdoff()).isEqualTo(stored.holdoff());
        assertThat(n.name()).isEqualTo("t");
    }

    @Test
    void explicitNullClearsButNullStateKeepsTheState() {
        Node n = new NodePatch(map("state", null, "result", null, "holdoff", null)).apply(stored);
        assertThat(n.state()).isEqualTo(NodeState.RUNNING);
        assertThat(n.result()).isNull();
        assertThat(n.holdoff()).isNull();
    }

    @Test
    void fieldsOutsideThePatchableSetAreIgnored() {
        Node n = new NodePatch(map("name", "renamed", "owner", "mallory", "result", "fail")).apply(stored);
        assertThat(n.name()).isEqualTo("t");
        assertThat(n.owner()).isEqualTo("alice");
        assertThat(n.result()).isEqualTo(NodeResult.FAIL);
    }

    @Test
    void noPatchableFieldIs400NoFieldsToUpdate() {
        for (Map<String, Object> body : List.of(map(), map("name", "x", "unknown", 1))) {
            assertThatThrownBy(() -> new NodePatch(body).apply(stored)).isInstanceOf(BadRequestException.class)
                    .hasMessage("No fields to update");
        }
    }

    @Test
    void wrongTypesAre422() {
        assertThatThrownBy(() -> new NodePatch(map("state", "finished")).apply(stored)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new NodePatch(map("timeout", null)).apply(stored)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new NodePatch(map("platform_filter", list(1))).apply(stored)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new NodePatch(map("processed_by_kcidb_bridge", "yes")).apply(stored)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theFlagCountsAsSetOnlyWhenTheBodyCarriesIt() {
        NodePatch withFlag = new NodePatch(map("processed_by_kcidb_bridge", false));
        NodePatch without = new NodePatch(map("result", "fail"));
        assertThat(withFlag.setsKcidbFlag(stored, withFlag.apply(stored))).isTrue();
        assertThat(without.setsKcidbFlag(stored, without.apply(stored))).isFalse();
    }
}
