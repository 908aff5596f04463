package dev.maestro.pipeline.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.it.support.TestNodes;
import dev.maestro.testsupport.Poll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle rules on the deployed pipeline (period 1 s here): timeout, holdoff and closing,
 * for a user's nodes, each transition once with one event, children never touched.
 */
public interface LifecycleContract extends PipelineContract {

    TestNodes nodes();

    private static Instant past() {
        return Instant.now().minusSeconds(5);
    }

    private static Instant future() {
        return Instant.now().plusSeconds(3600);
    }

    private Node waitForState(Node node, NodeState state) {
        return Poll.until(node.name() + " to become " + state.value(), WAIT, () -> nodes().get(node.id()), n -> n.state() == state);
    }

    /** The node's {@code updated} events once there are {@code count} (the event follows the write). */
    private List<Document> updates(Node node, int count) {
        return Poll.until(count + " updated events of " + node.name(), WAIT, () -> nodes().updates(node.id()), l -> l.size() >= count);
    }

    @Test
    default void timedOutNodeWithoutResultEndsIncompleteAndItsChildIsUntouched() {
        Node parent = nodes().create("timeout-parent", null, NodeState.RUNNING, null, past(), null);
        Node child = nodes().create("timeout-child", parent.id(), NodeState.RUNNING, null, future(), null);
        Node done = waitForState(parent, NodeState.DONE);
        assertThat(done.result()).isEqualTo(NodeResult.INCOMPLETE);
        assertThat(done.data()).containsEntry("error_code", "node_timeout").containsEntry("error_msg", "Node timed-out")
                .containsEntry("purpose", "lifecycle test");
        List<Document> events = updates(parent, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("previous_state", "running").containsEntry("state", "done")
                .containsEntry("result", "incomplete");
        Node untouched = nodes().get(child.id());
        assertThat(untouched.state()).isEqualTo(NodeState.RUNNING);
        assertThat(untouched.updated()).isEqualTo(child.updated());
    }

    @Test
    default void timedOutNodeKeepsTheResultItAlreadyHas() {
        Node node = nodes().create("timeout-with-result", null, NodeState.AVAILABLE, NodeResult.PASS, past(), future());
        Node done = waitForState(node, NodeState.DONE);
        assertThat(done.result()).isEqualTo(NodeResult.PASS);
        assertThat(done.data()).doesNotContainKey("error_code");
    }

    @Test
    default void holdoffWithoutChildrenGoesStraightToDone() {
        Node node = nodes().create("holdoff-alone", null, NodeState.AVAILABLE, NodeResult.PASS, future(), past());
        waitForState(node, NodeState.DONE);
        assertThat(updates(node, 1)).extracting(e -> e.getString("state")).containsExactly("done");
    }

    @Test
    default void holdoffWithAnUnfinishedChildClosesThenEndsWhenTheChildIsDone() {
        Node parent = nodes().create("holdoff-parent", null, NodeState.AVAILABLE, NodeResult.PASS, future(), past());
        Node child = nodes().create("holdoff-child", parent.id(), NodeState.RUNNING, null, future(), null);
        waitForState(parent, NodeState.CLOSING);
        assertThat(nodes().get(child.id()).state()).isEqualTo(NodeState.RUNNING);
        nodes().finish(child.id(), NodeState.RUNNING);
        waitForState(parent, NodeState.DONE);
        assertThat(updates(parent, 2)).extracting(e -> e.getString("state")).containsExactly("closing", "done");
    }

    @Test
    default void doneNodeNeverChangesAndNotDueNodesStay() {
        Node done = nodes().create("already-done", null, NodeState.DONE, NodeResult.FAIL, past(), past());
        Node waiting = nodes().create("not-due", null, NodeState.AVAILABLE, null, future(), future());
        Map<String, Object> stats = pipeline().lifecycle();
        long ticks = PipelineContract.count(stats, "ticks");
        Poll.until("three more ticks", WAIT, () -> pipeline().lifecycle(), l -> PipelineContract.count(l, "ticks") >= ticks + 3);
        assertThat(nodes().get(done.id())).extracting(Node::state, Node::result, Node::updated)
                .containsExactly(NodeState.DONE, NodeResult.FAIL, done.updated());
        assertThat(nodes().get(waiting.id())).extracting(Node::state, Node::updated)
                .containsExactly(NodeState.AVAILABLE, waiting.updated());
        assertThat(nodes().updates(done.id())).isEmpty();
        assertThat(nodes().updates(waiting.id())).isEmpty();
    }
}
