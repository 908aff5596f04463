package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.Downloads;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pipeline end to end, observed through the API only: a commit pushed to the fixture tree
 * becomes a checkout (trigger), gets its tarball and becomes available (tarball), and the
 * scheduler runs every configured job under it on the shell runtime. The jobs report through the
 * API themselves (kver, kbuild-tiny, tiny-tests with its child tests, passes); the pipeline
 * closes the two that cannot (one exits non-zero, one hangs past its limit); then the lifecycle
 * rules take every node to done. The dashboard's checkout page then shows the trace's counts,
 * failures first.
 */
public interface PipelineTraceContract extends SystemContract {
    /** Poll 2 s, hang limit 6 s plus its kill, holdoff 5 s, lifecycle 1 s: about 20 s; the rest is slack for a loaded machine. */
    Duration TRACE_WAIT = Duration.ofMinutes(3);

    @Test
    default void aPushedCommitRunsThroughEveryStepUntilEveryNodeIsDone() throws Exception {
        Instant pushed = Instant.now();
        String commit = fixture().pushCommit("trace " + UUID.randomUUID());
        Map<String, Object> checkout = awaitCheckoutOf(commit);
        String checkoutId = (String) checkout.get("id");
        List<Map<String, Object>> tree = Poll.until("every node under checkout " + checkoutId + " to be done", TRACE_WAIT,
                () -> subtree(checkoutId), nodes -> firstAttempts(nodes).size() == 10 && nodes.stream().allMatch(n -> "done".equals(n.get("state"))));
        System.out.printf("Pipeline trace: commit pushed to every node done in %.1f s%n",
                Duration.between(pushed, Instant.now()).toMillis() / 1000.0);
        Map<String, Map<String, Object>> byName = firstAttempts(tree).stream().collect(Collectors.toMap(n -> (String) n.get("name"), n -> n));

        Map<String, Object> done = byName.get("checkout");
        assertThat(done).containsEntry("kind", "checkout").containsEntry("result", "pass")
                .containsEntry("owner", "maestro-pipeline").containsEntry("submitter", "service:pipeline");
        Map<String, Object> revision = map(map(done.get("data")).get("kernel_revision"));
        assertThat(revision).containsEntry("tree", "toy").containsEntry("branch", "main").containsEntry("commit", commit)
                .containsEntry("url", "file://" + fixture().bare()).containsEntry("describe", commit.substring(0, 7));
        assertThat(map(revision.get("version"))).containsEntry("version", 6).containsEntry("patchlevel", 1);
        List<String> changes = stateChanges(checkoutId);
        assertThat(changes).startsWith("created running", "updated running->available");
        assertThat(changes.get(changes.size() - 1)).endsWith("->done");
        String tarballUrl = (String) map(done.get("artifacts")).get("tarball");
        String top = tarballUrl.substring(tarballUrl.lastIndexOf('/') + 1).replace(".tar.gz", "");
        assertThat(Downloads.bytes(tarballUrl)).isEqualTo(fixture().archive(commit, top));

        assertThat(byName.get("kver")).containsEntry("kind", "test").containsEntry("result", "pass")
                .containsEntry("parent", checkoutId);
        assertThat(Downloads.text(artifact(byName.get("kver"), "log"))).contains("kver: pass");

        Map<String, Object> build = byName.get("kbuild-tiny");
        assertThat(build).containsEntry("kind", "kbuild").containsEntry("result", "pass").containsEntry("parent", checkoutId);
        assertThat(stateChanges((String) build.get("id"))).contains("updated running->available");
        byte[] program = Downloads.bytes(artifact(build, "kernel"));
        assertThat(program).startsWith(0x7f, 'E', 'L', 'F');

        Map<String, Object> suite = byName.get("tiny-tests");
        assertThat(suite).containsEntry("kind", "job").containsEntry("result", "pass").containsEntry("parent", build.get("id"));
        for (String pass : List.of("runs", "prints-output", "takes-arguments")) {
            assertThat(byName.get(pass)).containsEntry("kind", "test").containsEntry("result", "pass").containsEntry("parent", suite.get("id"));
        }

        Map<String, Object> crashed = byName.get("exits-nonzero");
        assertThat(crashed).containsEntry("result", "incomplete").containsEntry("parent", build.get("id"));
        assertThat(map(crashed.get("data"))).containsEntry("error_code", "Infrastructure");
        assertThat((String) map(crashed.get("data")).get("error_msg")).contains("exited with status 3");
        assertThat(Downloads.bytes(artifact(crashed, "log"))).isNotNull();

        assertThat(byName.get("passes")).containsEntry("kind", "job").containsEntry("result", "pass")
                .containsEntry("parent", build.get("id"));

        Map<String, Object> hung = byName.get("hangs");
        assertThat(hung).containsEntry("result", "incomplete");
        assertThat(map(hung.get("data"))).containsEntry("error_code", "node_timeout");
        assertThat((String) map(hung.get("data")).get("error_msg")).contains("time limit");

        // The pipeline records each job's end as KernelCI's runtimes do, in the telemetry the API serves.
        assertThat(jobTelemetry(crashed)).containsEntry("runtime", map(crashed.get("data")).get("runtime"))
                .containsEntry("job_name", "exits-nonzero").containsEntry("result", "incomplete").containsEntry("is_infra_error", true)
                .containsEntry("error_type", "Infrastructure").containsEntry("tree", "toy").containsEntry("branch", "main");
        assertThat(jobTelemetry(byName.get("kver"))).containsEntry("result", "pass").containsEntry("is_infra_error", false);

        dashboardShowsTheTrace(checkoutId);
    }

    /**
     * The dashboard's page of the traced checkout: one build, four tests (kver beside the build,
     * three under tiny-tests, all passing), and in the build's tree the jobs that did not finish
     * (exits-nonzero, hangs) before the ones that passed; and the pipeline page shows what
     * {@code /pipeline/stats} says.
     */
    default void dashboardShowsTheTrace(String checkoutId) {
        ApiResponse page = api().get("/dashboard/checkout/" + checkoutId);
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("id=\"build-total\">1<").contains("id=\"test-total\">4<");
        String build = html.substring(html.indexOf("<article class=\"build"), html.indexOf("</article>"));
        assertThat(build.indexOf(">exits-nonzero<")).isPositive().isLessThan(build.indexOf(">tiny-tests<"))
                .isLessThan(build.indexOf(">passes<"));
        assertThat(build.indexOf(">hangs<")).isPositive().isLessThan(build.indexOf(">tiny-tests<"));

        ApiResponse pipeline = api().get("/dashboard/pipeline");
        assertThat(pipeline.status()).isEqualTo(200);
        assertThat(pipeline.body()).doesNotContain("class=\"error\"").contains("<h2>lifecycle</h2>")
                .contains("<h2>consumers</h2>").contains("running_jobs");
    }

    /** The {@code job_result} telemetry event of a job node, once the pipeline has written it. */
    private Map<String, Object> jobTelemetry(Map<String, Object> job) {
        List<Object> events = Poll.until("the telemetry of " + job.get("name"), WAIT,
                () -> api().get("/latest/telemetry?kind=job_result&node_id=" + job.get("id")).list("items"), found -> !found.isEmpty());
        assertThat(events).hasSize(1);
        return map(events.get(0));
    }

    /** The nodes without the job retry's later attempts (the incomplete jobs are run up to three times again). */
    static List<Map<String, Object>> firstAttempts(List<Map<String, Object>> nodes) {
        return nodes.stream().filter(n -> n.get("retry_counter") instanceof Number c && c.intValue() == 0).toList();
    }

    default Map<String, Object> awaitCheckoutOf(String commit) {
        List<Object> items = Poll.until("a checkout of " + commit, WAIT,
                () -> api().get("/latest/nodes?kind=checkout&data.kernel_revision.commit=" + commit).list("items"),
                found -> !found.isEmpty());
        assertThat(items).hasSize(1);
        return map(items.get(0));
    }

    /** The node and all its descendants, walked through {@code GET /nodes?parent=}. */
    default List<Map<String, Object>> subtree(String rootId) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        nodes.add(api().get("/latest/node/" + rootId).map());
        for (int i = 0; i < nodes.size(); i++) {
            for (Object child : api().get("/latest/nodes?limit=1000&parent=" + nodes.get(i).get("id")).list("items")) {
                nodes.add(map(child));
            }
        }
        return nodes;
    }

    /** The node's events in order, each as {@code "<op> <previous>-><state>"} ({@code "created <state>"}). */
    default List<String> stateChanges(String nodeId) {
        return api().get("/latest/events?channel=node&node_id=" + nodeId).list().stream().map(e -> map(map(e).get("data")))
                .map(d -> "created".equals(d.get("op")) ? "created " + d.get("state")
                        : d.get("op") + " " + d.get("previous_state") + "->" + d.get("state"))
                .toList();
    }

    default String artifact(Map<String, Object> node, String name) {
        Object url = map(node.get("artifacts")).get(name);
        assertThat(url).as("artifact " + name + " of " + node.get("name")).isInstanceOf(String.class);
        return (String) url;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
