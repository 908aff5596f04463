package dev.maestro.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeStateTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "running, running, true", "running, available, true", "running, closing, true", "running, done, true",
            "available, running, false", "available, available, true", "available, closing, true", "available, done, true",
            "closing, running, false", "closing, available, false", "closing, closing, true", "closing, done, true",
            "done, running, false", "done, available, false", "done, closing, false", "done, done, true"})
    void transitionsFollowKernelCisTable(String from, String to, boolean allowed) {
        NodeState source = NodeState.of(from).orElseThrow();
        NodeState target = NodeState.of(to).orElseThrow();
        assertThat(source.allows(target)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"Running", "RUNNING", "finished", "''"})
    void onlyTheExactLowerCaseSpellingIsAState(String value) {
        assertThat(NodeState.of(value)).isEmpty();
    }
}
