package dev.maestro.pipeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.ConfigFiles;
import dev.maestro.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventMatcherTest {
    static final String CONFIG = """
            storage:
              local: {storage_type: filesystem, path: storage, base_url: "http://h/", api_url: "http://h/"}
            jobs:
              kver: {kind: test, template: kver.sh}
              kbuild-tiny: {kind: kbuild, template: kbuild-tiny.sh, params: {arch: x86_64}}
              tiny-tests: {kind: job, template: tiny-tests.sh}
              on-failure: {kind: test, template: kver.sh}
            platforms:
              shell: {}
              qemu-x86: {arch: x86_64}
              qemu-arm: {arch: arm64}
            runtimes:
              first: {lab_type: shell}
              second: {lab_type: shell}
            scheduler:
              - job: kver
                event: {channel: node, kind: checkout, state: available}
                runtime: {type: shell}
              # a named runtime: 'second', not the first shell runtime
              - job: kbuild-tiny
                event: {channel: node, kind: checkout, state: available}
                runtime: {name: second}
              - job: tiny-tests
                event: {channel: node, kind: kbuild, state: available, name: kbuild-tiny}
                runtime: {type: shell}
                platforms: [qemu-x86, qemu-arm]
              - job: on-failure
                event: {channel: node, kind: test, state: done, result: fail}
                runtime: {name: first}
            """;

    static PipelineConfig config;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        config = new ConfigFiles(dir).load(CONFIG);
    }

    private static Map<String, Object> event(Object... keyValues) {
        Map<String, Object> event = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            event.put((String) keyValues[i], keyValues[i + 1]);
        }
        return event;
    }

    private static List<String> jobs(String channel, Map<String, Object> event) {
        return EventMatcher.match(config, channel, event).stream()
                .map(s -> s.job().name() + "@" + s.runtime().name() + "/" + s.platform().name()).toList();
    }

    @Test
    void anUpdateIntoTheStateFiresEveryMatchingEntryInOrder() {
        Map<String, Object> e = event("op", "updated", "kind", "checkout", "name", "checkout", "state", "available",
                "result", "pass", "previous_state", "running", "previous_result", null);
        assertThat(jobs("node", e)).containsExactly("kver@first/shell", "kbuild-tiny@second/shell");
    }

    @Test
    void anUpdateThatStaysInTheStateFiresNothing() {
        Map<String, Object> e = event("op", "updated", "kind", "checkout", "state", "available", "result", "pass",
                "previous_state", "available", "previous_result", "pass");
        assertThat(jobs("node", e)).isEmpty();
    }

    @Test
    void aNodeCreatedDirectlyInTheStateFires() {
        assertThat(jobs("node", event("op", "created", "kind", "checkout", "state", "available"))).hasSize(2);
        assertThat(jobs("node", event("op", "created", "kind", "checkout", "state", "running"))).isEmpty();
    }

    @Test
    void aResultChangeWithinTheSameStateFiresEntriesOnTheResult() {
        Map<String, Object> e = event("op", "updated", "kind", "test", "state", "done", "result", "fail",
                "previous_state", "done", "previous_result", null);
        assertThat(jobs("node", e)).containsExactly("on-failure@first/shell");
        e.put("previous_result", "fail");
        assertThat(jobs("node", e)).isEmpty();
    }

    @Test
    void everyFieldOfTheFilterMustMatchAndOneEntryMayRunOnSeveralPlatforms() {
        Map<String, Object> kbuild = event("op", "updated", "kind", "kbuild", "name", "kbuild-tiny", "state", "available",
                "previous_state", "running");
        assertThat(jobs("node", kbuild)).containsExactly("tiny-tests@first/qemu-x86", "tiny-tests@first/qemu-arm");
        kbuild.put("name", "kbuild-other");
        assertThat(jobs("node", kbuild)).isEmpty();
        kbuild.remove("name");
        assertThat(jobs("node", kbuild)).as("a field missing from the event does not match").isEmpty();
    }

    @Test
    void retryRequestsMatchAsNodeEventsWithoutTheEdgeRule() {
        Map<String, Object> retry = event("kind", "checkout", "state", "available", "jobfilter", List.of("kbuild-tiny+"),
                "retry_counter", 1);
        assertThat(jobs("retry", retry)).containsExactly("kver@first/shell", "kbuild-tiny@second/shell");
        assertThat(jobs("other", retry)).isEmpty();
    }

    @Test
    void updatesWithoutPreviousStateAreMatchedOnTheirCurrentValues() {
        assertThat(jobs("node", event("op", "updated", "kind", "checkout", "state", "available"))).hasSize(2);
    }
}
