package dev.maestro.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copies the system makes of a node when it closes it or adds artifacts to it. */
class NodeChangesTest {
    private static final Node NODE = Node.builder().kind("job").name("j")
            .data(Map.of("arch", "x86_64", "error_code", "old")).artifacts(Map.of("tarball", "http://s/t.tar.gz")).build();

    @Test
    void incompleteSetsTheErrorFieldsAndKeepsTheRestOfTheData() {
        Node closed = NODE.incomplete("node_timeout", "Node timed-out");
        assertThat(closed.result()).isEqualTo(NodeResult.INCOMPLETE);
        assertThat(closed.data()).containsEntry("arch", "x86_64").containsEntry("error_code", "node_timeout")
                .containsEntry("error_msg", "Node timed-out");
        assertThat(closed.artifacts()).isEqualTo(NODE.artifacts());
        assertThat(Node.builder().data(null).build().incomplete("x", "y").data()).containsOnlyKeys("error_code", "error_msg");
    }

    @Test
    void withArtifactsAddsAndReplacesByName() {
        Node more = NODE.withArtifacts(Map.of("log", "http://s/log", "tarball", "http://s/new.tar.gz"));
        assertThat(more.artifacts()).containsExactly(Map.entry("tarball", "http://s/new.tar.gz"), Map.entry("log", "http://s/log"));
        assertThat(NODE.artifacts()).containsOnlyKeys("tarball");
        assertThat(Node.builder().artifacts(null).build().withArtifacts(Map.of("log", "u")).artifacts()).containsOnlyKeys("log");
    }
}
