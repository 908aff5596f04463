package dev.maestro.store;

import static dev.maestro.testing.QueuedWriters.answer;
import static dev.maestro.testing.QueuedWriters.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.store.Combiner.Outcome;
import dev.maestro.testing.QueuedWriters;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The queue of {@link Combiner}, with an operation in memory that answers ten times each item and
 * records its batches; a first writer held inside its operation makes the others queue.
 */
class CombinerTest {
    private final QueuedWriters writers = new QueuedWriters();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final List<Thread> operationThreads = new CopyOnWriteArrayList<>();

    /** A combiner whose operation holds at the writers' gate, records the batch and answers it with {@code answers}. */
    private Combiner<String, Integer, Integer> combiner(Function<List<Integer>, List<Outcome<Integer>>> answers) {
        return new Combiner<>((key, items) -> {
            writers.gate();
            batches.add(items);
            operationThreads.add(Thread.currentThread());
            return answers.apply(items);
        });
    }

    /** Ten times each item; a negative item fails alone. */
    private static List<Outcome<Integer>> tenTimes(List<Integer> items) {
        return items.stream().map(i -> i < 0 ? Outcome.<Integer>failed(new IllegalArgumentException("negative " + i))
                : Outcome.of(i * 10)).toList();
    }

    private static List<Callable<Integer>> submitting(Combiner<String, Integer, Integer> combiner, Integer... items) {
        return List.of(items).stream().<Callable<Integer>>map(i -> () -> combiner.submit("k", i)).toList();
    }

    @Test
    void aWriterAloneRunsItsOperationAtOnceOnItsOwnThread() {
        Combiner<String, Integer, Integer> combiner = combiner(CombinerTest::tenTimes);
        writers.open();
        assertThat(List.of(combiner.submit("k", 1), combiner.submit("k", 2))).containsExactly(10, 20);
        assertThat(batches).containsExactly(List.of(1), List.of(2));
        assertThat(operationThreads).containsOnly(Thread.currentThread());
    }

    @Test
    void writersQueuedBehindAnOperationInFlightShareTheNextAndEachGetsItsOwnResult() throws Exception {
        Combiner<String, Integer, Integer> combiner = combiner(CombinerTest::tenTimes);
        CompletableFuture<Integer> first = writers.first(() -> combiner.submit("k", 1));
        List<CompletableFuture<Integer>> queued = writers.queue(submitting(combiner, 2, 3, 4));
        writers.open();
        assertThat(answer(first)).isEqualTo(10);
        for (int i = 0; i < queued.size(); i++) {
            assertThat(answer(queued.get(i))).isEqualTo((i + 2) * 10);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(1);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void anItemsFailureReachesItsWriterAlone() throws Exception {
        Combiner<String, Integer, Integer> combiner = combiner(CombinerTest::tenTimes);
        CompletableFuture<Integer> first = writers.first(() -> combiner.submit("k", 1));
        List<CompletableFuture<Integer>> queued = writers.queue(submitting(combiner, 2, -3, 4));
        writers.open();
        assertThat(answer(first)).isEqualTo(10);
        assertThat(answer(queued.get(0))).isEqualTo(20);
        assertThat(failure(queued.get(1))).isInstanceOf(IllegalArgumentException.class).hasMessage("negative -3");
        assertThat(answer(queued.get(2))).isEqualTo(40);
        assertThat(batches.get(1)).hasSize(3);
    }

    @Test
    void aFailedOperationFailsEveryWriterOfItsBatchAndTheNextWriterRunsAgain() throws Exception {
        RuntimeException down = new IllegalStateException("database away");
        Combiner<String, Integer, Integer> combiner = combiner(items -> {
            if (items.size() > 1) {
                throw down;
            }
            return tenTimes(items);
        });
        CompletableFuture<Integer> first = writers.first(() -> combiner.submit("k", 1));
        List<CompletableFuture<Integer>> queued = writers.queue(submitting(combiner, 2, 3, 4));
        writers.open();
        assertThat(answer(first)).isEqualTo(10);
        for (CompletableFuture<Integer> writer : queued) {
            assertThat(failure(writer)).isSameAs(down);
        }
        assertThat(combiner.submit("k", 5)).isEqualTo(50);
    }

    @Test
    void anOperationThatEndsAbruptlyReleasesTheOthersOfItsBatchAndTheNextWriterRunsAgain() throws Exception {
        Combiner<String, Integer, Integer> combiner = combiner(items -> {
            if (items.size() > 1) {
                throw new AssertionError("broken");
            }
            return tenTimes(items);
        });
        CompletableFuture<Integer> first = writers.first(() -> combiner.submit("k", 1));
        List<CompletableFuture<Integer>> queued = writers.queue(submitting(combiner, 2, 3));
        writers.open();
        assertThat(answer(first)).isEqualTo(10);
        List<Throwable> failures = List.of(failure(queued.get(0)), failure(queued.get(1)));
        assertThat(failures).filteredOn(AssertionError.class::isInstance).as("the writer that ran it").hasSize(1);
        assertThat(failures).filteredOn(IllegalStateException.class::isInstance).as("the other").hasSize(1);
        assertThat(combiner.submit("k", 5)).isEqualTo(50);
    }

    @Test
    void anOperationThatAnswersTooFewItemsFailsEveryWriter() {
        Combiner<String, Integer, Integer> combiner = new Combiner<>((key, items) -> List.of());
        assertThatThrownBy(() -> combiner.submit("k", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("0 outcomes for 1 combined writes");
    }

    @Test
    void keysCombineApart() throws Exception {
        Combiner<String, Integer, Integer> combiner = combiner(CombinerTest::tenTimes);
        CompletableFuture<Integer> first = writers.first(() -> combiner.submit("a", 1));
        assertThat(combiner.submit("b", 2)).as("not queued behind key a's operation").isEqualTo(20);
        writers.open();
        assertThat(answer(first)).isEqualTo(10);
    }
}
