package dev.maestro.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.node.NodeEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {
    private static final String UPDATED = """
            {"specversion":"1.0","id":"6f1c","source":"https://api.kernelci.org/","type":"api.kernelci.org",
             "datacontenttype":"application/json","time":"2026-11-26T09:00:00Z","owner":"admin",
             "data":{"op":"updated","id":"65f0a1b2c3d4e5f6a7b8c9d0","kind":"kbuild","name":"kbuild-gcc-14-x86",
                     "path":["checkout","kbuild-gcc-14-x86"],"group":"kbuild-gcc-14-x86","state":"available",
                     "result":"pass","owner":"admin","data":{"arch":"x86_64"},"is_hierarchy":false,
                     "previous_state":"running","previous_result":null},
             "_sequence_id":42}
            """;

    @Test
    void readsTheEnvelopeAttributesAndTheNodeEvent() {
        EventEnvelope e = EventEnvelope.parse(UPDATED);
        assertThat(e.id()).isEqualTo("6f1c");
        assertThat(e.type()).isEqualTo("api.kernelci.org");
        assertThat(e.owner()).isEqualTo("admin");
        assertThat(e.sequence()).isEqualTo(42);
        assertThat(NodeEvent.read(e.data())).isEqualTo(new NodeEvent("updated", "65f0a1b2c3d4e5f6a7b8c9d0", "kbuild",
                "kbuild-gcc-14-x86", List.of("checkout", "kbuild-gcc-14-x86"), "kbuild-gcc-14-x86", "available", "pass", "admin",
                Map.of("arch", "x86_64"), false, "running", null));
    }

    @Test
    void eventsOfOtherChannelsMayCarryAnyData() {
        EventEnvelope e = EventEnvelope.parse("{\"id\":\"x\",\"data\":\"just text\"}");
        assertThat(e.data()).isEmpty();
        assertThat(NodeEvent.read(e.data()).op()).isNull();
        assertThat(NodeEvent.read(e.data()).path()).isEmpty();
    }

    @Test
    void aBrokenEnvelopeIsAnError() {
        assertThatThrownBy(() -> EventEnvelope.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
