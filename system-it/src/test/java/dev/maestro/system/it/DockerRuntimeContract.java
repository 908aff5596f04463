package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.Downloads;
import dev.maestro.system.it.support.PipelineConfigFile;
import dev.maestro.system.it.support.SecondPipeline;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.DockerDaemon;
import dev.maestro.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Docker runtime against a real Docker Engine (Debian's docker.io, started by the test if
 * none runs): a node named {@code docker-probe} schedules three jobs on the {@code docker}
 * runtime entry. One runs in a container of the test image, uploads an artifact and reports
 * through the API over the host's network, and its container's output becomes its {@code log};
 * one hangs and is killed at its limit; one names an image the Docker host lacks and is closed
 * {@code submit_error} at once. Their containers are removed once their logs are stored. Then a
 * pipeline instance that starts adopts a job container it finds running from before.
 */
public interface DockerRuntimeContract extends SystemContract {
    /** The hang's 6 s limit and its kill, under a loaded machine. */
    Duration DOCKER_WAIT = Duration.ofMinutes(2);

    @Test
    default void dockerJobsRunInContainersReportThroughTheApiAndAreKilledAtTheirLimit() {
        DockerDaemon.jobImage();
        ApiResponse created = admin().post("/latest/node", Map.of("kind", "node", "name", PipelineConfigFile.DOCKER_PROBE,
                "path", List.of(PipelineConfigFile.DOCKER_PROBE), "state", "available"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String probe = (String) created.map().get("id");

        List<Map<String, Object>> jobs = Poll.until("the three docker jobs under " + probe + " to be done", DOCKER_WAIT,
                () -> firstAttemptsUnder(probe), found -> found.size() == 3 && found.stream().allMatch(n -> "done".equals(n.get("state"))));
        Map<String, Map<String, Object>> byName = jobs.stream().collect(Collectors.toMap(n -> (String) n.get("name"), n -> n));

        Map<String, Object> passed = byName.get("docker-passes");
        assertThat(passed).containsEntry("result", "pass");
        assertThat(data(passed)).containsEntry("runtime", "docker");
        Map<String, Object> artifacts = PipelineTraceContract.map(passed.get("artifacts"));
        assertThat(Downloads.text((String) artifacts.get("made"))).isEqualTo("made in a container\n");
        assertThat(Downloads.text((String) artifacts.get("log"))).contains("docker-passes: in /maestro/work as uid 0")
                .contains("maestro: PATCH node " + passed.get("id"));

        Map<String, Object> hung = byName.get("docker-hangs");
        assertThat(hung).containsEntry("result", "incomplete");
        assertThat(data(hung)).containsEntry("error_code", "node_timeout");
        assertThat((String) data(hung).get("error_msg")).contains("time limit");

        Map<String, Object> noImage = byName.get("docker-no-image");
        assertThat(noImage).containsEntry("result", "incomplete");
        assertThat(data(noImage)).containsEntry("error_code", "submit_error");
        assertThat((String) data(noImage).get("error_msg"))
                .contains("Image maestro-no-such-image:1 is not on the Docker host unix:///var/run/docker.sock");

        for (Map<String, Object> job : List.of(passed, hung)) {
            Poll.until("the container of " + job.get("name") + " to be removed", WAIT, () -> containersOf((String) job.get("id")).isEmpty());
        }
    }

    /**
     * A container left running by a pipeline that stopped (made here by hand, with the labels the
     * runtime gives its containers) is adopted by the next pipeline instance to start: it
     * watches it to its end, stores its output as the node's log, closes the node the job left
     * running and removes the container.
     */
    @Test
    default void aStartingPipelineAdoptsTheJobContainersLeftRunning() {
        String image = DockerDaemon.jobImage();
        ApiResponse created = admin().post("/latest/node", Map.of("kind", "job", "name", "docker-left",
                "path", List.of("docker-left"), "state", "running"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String node = (String) created.map().get("id");
        DockerDaemon.docker("run", "-d", "--network", "host", "--name", "maestro-docker-" + node,
                "--label", "dev.maestro.node-id=" + node, "--label", "dev.maestro.runtime=docker",
                "--label", "dev.maestro.artifact-directory=docker-left-" + node, "--label", "dev.maestro.job-kind=job",
                "--label", "dev.maestro.started=" + Instant.now(), "--label", "dev.maestro.limit-seconds=300",
                image, "sh", "-c", "echo left running by a stopped pipeline; sleep 5; echo still here");

        try (SecondPipeline second = SecondPipeline.start()) {
            Map<String, Object> closed = Poll.until("the left job's node to be closed with its log", DOCKER_WAIT,
                    () -> api().get("/latest/node/" + node).map(), n -> "done".equals(n.get("state")));
            assertThat(closed).containsEntry("result", "incomplete");
            assertThat((String) data(closed).get("error_msg")).contains("without reporting a result");
            String log = (String) PipelineTraceContract.map(closed.get("artifacts")).get("log");
            assertThat(Downloads.text(log)).isEqualTo("left running by a stopped pipeline\nstill here\n");
            Poll.until("the adopted container to be removed", WAIT, () -> containersOf(node).isEmpty());
        }
    }

    private List<Map<String, Object>> firstAttemptsUnder(String parent) {
        return api().get("/latest/nodes?limit=100&parent=" + parent).list("items").stream().map(PipelineTraceContract::map)
                .filter(n -> n.get("retry_counter") instanceof Number c && c.intValue() == 0).toList();
    }

    private static String containersOf(String nodeId) {
        return DockerDaemon.docker("ps", "-aq", "--filter", "label=dev.maestro.node-id=" + nodeId).strip();
    }

    private static Map<String, Object> data(Map<String, Object> node) {
        return PipelineTraceContract.map(node.get("data"));
    }
}
