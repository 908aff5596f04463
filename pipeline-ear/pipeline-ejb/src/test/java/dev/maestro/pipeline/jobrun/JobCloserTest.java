package dev.maestro.pipeline.jobrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.node.NodeCache;
import dev.maestro.node.NodeStore;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.pipeline.runtime.JobOutcome;
import dev.maestro.testing.LocalBackends;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the pipeline writes on a job's node when the job ends, against a real MongoDB-wire server and Redis. */
class JobCloserTest {
    private static final User PIPELINE = new User("6b0000000000000000000001", "p@pipeline.invalid", "maestro-pipeline",
            "x", true, false, true, List.of());
    private static final Map<String, String> LOG = Map.of("log", "http://storage.test/job-1/job.log");

    private static LocalBackends backends;
    private static NodeService nodes;
    private static JobCloser closer;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        EventLog events = new EventLog(backends.mongo().database(), backends.redis(), new CloudEventSettings("test", "test"));
        nodes = new NodeService(new NodeStore(backends.mongo().database(), new NodeCache(backends.redis())), new GroupStore(backends.mongo().database()), events);
        closer = new JobCloser();
        closer.nodes = nodes;
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    @Test
    void aJobThatExitedNonZeroClosesItsRunningNodeIncompleteWithItsLog() {
        Node job = runningJob("job");
        closer.finished(job.id(), outcome(JobKind.JOB, 3, false), LOG);
        Node closed = nodes.get(job.id());
        assertThat(closed.state()).isEqualTo(NodeState.DONE);
        assertThat(closed.result()).isEqualTo(NodeResult.INCOMPLETE);
        assertThat(closed.data()).containsEntry("error_code", JobFailure.INFRASTRUCTURE);
        assertThat((String) closed.data().get("error_msg")).contains("status 3");
        assertThat(closed.artifacts()).containsAllEntriesOf(LOG);
    }

    @Test
    void aBuildKilledAtItsLimitTimesOutAndOneThatNeverReportedIsAnInternalError() {
        Node killed = runningJob("kbuild");
        closer.finished(killed.id(), outcome(JobKind.KBUILD, -1, true), LOG);
        assertThat(nodes.get(killed.id()).data()).containsEntry("error_code", JobFailure.NODE_TIMEOUT);

        Node silent = runningJob("kbuild");
        closer.finished(silent.id(), outcome(JobKind.KBUILD, 0, false), LOG);
        Node closed = nodes.get(silent.id());
        assertThat(closed.result()).isEqualTo(NodeResult.INCOMPLETE);
        assertThat(closed.data()).containsEntry("error_code", JobFailure.KBUILD_INTERNAL_ERROR)
                .containsEntry("error_msg", JobCloser.NO_REPORT);
    }

    @Test
    void aJobThatReportedKeepsItsResultAndGainsItsLogWhateverItsExit() {
        Node passed = runningJob("job");
        nodes.transition(passed.id(), NodeState.RUNNING, NodeState.DONE, n -> n.toBuilder().result(NodeResult.PASS).build(),
                EventMode.SUPPRESS);
        closer.finished(passed.id(), outcome(JobKind.JOB, 0, false), LOG);
        assertThat(nodes.get(passed.id()).result()).isEqualTo(NodeResult.PASS);
        assertThat(nodes.get(passed.id()).artifacts()).containsAllEntriesOf(LOG);

        Node built = runningJob("kbuild");
        nodes.transition(built.id(), NodeState.RUNNING, NodeState.AVAILABLE, n -> n.toBuilder().result(NodeResult.PASS)
                .artifacts(Map.of("kernel", "http://storage.test/program")).build(), EventMode.SUPPRESS);
        closer.finished(built.id(), outcome(JobKind.KBUILD, 1, false), LOG);
        Node kept = nodes.get(built.id());
        assertThat(kept.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(kept.result()).isEqualTo(NodeResult.PASS);
        assertThat(kept.artifacts()).containsEntry("kernel", "http://storage.test/program").containsAllEntriesOf(LOG);
        assertThat(kept.data()).doesNotContainKey("error_code");
    }

    @Test
    void aJobThatCouldNotStartClosesItsNodeOnceAndNeverReopensADoneOne() {
        Node job = runningJob("job");
        JobFailure failure = new JobFailure(JobFailure.SUBMIT_ERROR, "no runtime");
        closer.fail(job.id(), failure, Map.of());
        Node closed = nodes.get(job.id());
        assertThat(closed.data()).containsEntry("error_code", JobFailure.SUBMIT_ERROR).containsEntry("error_msg", "no runtime");

        closer.fail(job.id(), new JobFailure(JobFailure.INFRASTRUCTURE, "later"), Map.of());
        assertThat(nodes.get(job.id()).data()).containsEntry("error_code", JobFailure.SUBMIT_ERROR);
        assertThat(nodes.get(job.id()).updated()).isEqualTo(closed.updated());
    }

    private static Node runningJob(String kind) {
        return nodes.create(PIPELINE, Node.builder().kind(kind).name("job-" + kind).path(List.of("job-" + kind)).build(),
                EventMode.SUPPRESS);
    }

    private static JobOutcome outcome(JobKind kind, int exit, boolean timedOut) {
        return new JobOutcome(kind, exit, timedOut, Duration.ofSeconds(1), Duration.ofMinutes(1), Path.of("job.log"));
    }
}
