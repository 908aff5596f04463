package dev.maestro.node;

import static dev.maestro.node.TestNodes.map;
import static dev.maestro.node.TestNodes.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.NotFoundException;
import dev.maestro.node.input.NodePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Compare-and-set transitions and updates racing other writers. */
class NodeTransitionTest extends NodeServiceFixture {

    @Test
    void transitionIsACompareAndSetOnTheState() {
        Node n = createCheckout(ALICE, unique("cas"));
        Optional<Node> wrongFrom = service.transition(n.id(), NodeState.AVAILABLE, NodeState.DONE, x -> x, EventMode.PUBLISH);
        assertThat(wrongFrom).isEmpty();
        Optional<Node> moved = service.transition(n.id(), NodeState.RUNNING, NodeState.DONE,
                x -> x.toBuilder().result(NodeResult.INCOMPLETE).build(), EventMode.PUBLISH);
        assertThat(moved).get().satisfies(x -> {
            assertThat(x.state()).isEqualTo(NodeState.DONE);
            assertThat(x.result()).isEqualTo(NodeResult.INCOMPLETE);
        });
        assertThat(service.transition(n.id(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH)).isEmpty();
        assertThat(eventsOf(n.id())).hasSize(2);
        assertThatThrownBy(() -> service.transition(n.id(), NodeState.DONE, NodeState.RUNNING, x -> x, EventMode.PUBLISH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.transition(new ObjectId(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentTransitionsHappenExactlyOnce() throws Exception {
        Node n = createCheckout(ALICE, unique("race"));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Optional<Node>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Optional<Node>> racer = () -> {
                    go.await();
                    return service.transition(n.id(), NodeState.RUNNING, NodeState.CLOSING, x -> x, EventMode.PUBLISH);
                };
                results.add(pool.submit(racer));
            }
            go.countDown();
            int winners = 0;
            for (Future<Optional<Node>> f : results) {
                winners += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(n.id())).hasSize(2);
        assertThat(service.get(n.id()).state()).isEqualTo(NodeState.CLOSING);
    }

    @Test
    void anUpdateRacingAStateChangeIsRevalidatedAgainstTheNewState() {
        Node n = createCheckout(ALICE, unique("retry"));
        int[] applied = {0};
        NodeChange toAvailable = stored -> {
            if (applied[0]++ == 0) {
                service.transition(n.id(), NodeState.RUNNING, NodeState.DONE, x -> x, EventMode.PUBLISH);
            }
            return stored.toBuilder().state(NodeState.AVAILABLE).build();
        };
        assertThatThrownBy(() -> service.update(ALICE, n.id(), toAvailable, EventMode.PUBLISH))
                .isInstanceOf(BadRequestException.class).hasMessage("Transition not allowed with state: available");
        assertThat(applied[0]).isEqualTo(2);
        assertThat(service.get(n.id()).state()).isEqualTo(NodeState.DONE);
    }

    @Test
    void anUpdateDoesNotOverwriteFieldsItDidNotChange() {
        Node n = createCheckout(ALICE, unique("merge"));
        NodeChange setResult = stored -> {
            if (stored.debug().isEmpty()) {
                service.update(ALICE, n.id(), new NodePatch(map("debug", map("by", "other"))), EventMode.SUPPRESS);
            }
            return stored.toBuilder().result(NodeResult.PASS).build();
        };
        Node after = service.update(ALICE, n.id(), setResult, EventMode.SUPPRESS);
        assertThat(after.result()).isEqualTo(NodeResult.PASS);
        assertThat(after.debug()).containsEntry("by", "other");
    }

    @Test
    void aCompareAndSetWithNothingToChangeStillAnswersByTheState() {
        Node n = createCheckout(ALICE, unique("noop"));
        assertThat(store.updateIfState(n.id(), NodeState.RUNNING, new org.bson.Document())).contains(n);
        assertThat(store.updateIfState(n.id(), NodeState.DONE, new org.bson.Document())).isEmpty();
    }
}
