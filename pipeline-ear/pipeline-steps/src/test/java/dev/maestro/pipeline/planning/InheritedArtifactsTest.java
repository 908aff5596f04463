package dev.maestro.pipeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InheritedArtifactsTest {

    @Test
    void theNearestNodeWinsAndFartherOnesFillIn() {
        Map<String, Object> kbuild = Map.of("artifacts", Map.of("kernel", "http://h/k/program", "build_log", "http://h/k/log"));
        Map<String, Object> checkout = Map.of("artifacts", Map.of("tarball", "http://h/t.tar.gz", "build_log", "http://h/other"));
        assertThat(InheritedArtifacts.of(List.of(kbuild, checkout, Map.of("artifacts", Map.of()), Map.of())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("kernel", "http://h/k/program", "build_log", "http://h/k/log",
                        "tarball", "http://h/t.tar.gz"));
    }
}
