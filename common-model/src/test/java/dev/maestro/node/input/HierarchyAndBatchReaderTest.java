package dev.maestro.node.input;

import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.node.Hierarchy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyAndBatchReaderTest {

    private static Map<String, Object> level(String name, Object... children) {
        return map("node", map("name", name, "path", list(name)), "child_nodes", list(children));
    }

    @Test
    void readsTheTreeInPreOrder() {
        Hierarchy h = HierarchyReader.read(level("root", level("a", level("a1")), level("b")));
        assertThat(h.preOrder()).extracting(x -> x.node().name()).containsExactly("root", "a", "a1", "b");
    }

    @Test
    void errorsAnywhereInTheTreeAreLocated() {
        Map<String, Object> bad = level("root", level("a"), map("node", map("path", list()), "child_nodes", list()),
                map("node", map("name", "c", "path", list())));
        assertThatThrownBy(() -> HierarchyReader.read(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.detail().toString())
                    .contains("[body, child_nodes, 1, node, name]")
                    .contains("[body, child_nodes, 2, child_nodes]");
        });
    }

    @Test
    void nodeAndChildNodesMustBeObjectsAndALists() {
        assertThatThrownBy(() -> HierarchyReader.read(map("node", "x", "child_nodes", map())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat((List<?>) e.detail()).hasSize(2));
    }

    @Test
    void batchReadsIdsAndAnyCaseBoolean() {
        KcidbFlagUpdate u = KcidbFlagUpdate.read(map("nodes", list("61bda8f2eb1a63d2b7152418", "61bda8f2eb1a63d2b7152418"),
                "field", "processed_by_kcidb_bridge", "value", "True"));
        assertThat(u.ids()).hasSize(1);
        assertThat(u.value()).isTrue();
        assertThat(KcidbFlagUpdate.read(map("nodes", list(), "field", "processed_by_kcidb_bridge", "value", "FALSE")).value()).isFalse();
    }

    @Test
    void batchMistakes() {
        assertThatThrownBy(() -> KcidbFlagUpdate.read(map("nodes", list(), "field", "processed_by_kcidb_bridge", "value", true)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KcidbFlagUpdate.read(map("field", "processed_by_kcidb_bridge", "value", "true")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> KcidbFlagUpdate.read(map("nodes", list("xyz"), "field", "processed_by_kcidb_bridge", "value", "true")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'xyz' is not a valid ObjectId");
        assertThatThrownBy(() -> KcidbFlagUpdate.read(map("nodes", list(), "field", "state", "value", "done")))
                .isInstanceOf(BadRequestException.class).hasMessage("Field not supported");
        assertThatThrownBy(() -> KcidbFlagUpdate.read(map("nodes", list(), "field", "processed_by_kcidb_bridge", "value", "maybe")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("maybe");
    }
}
