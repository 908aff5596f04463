package dev.maestro.event;

import static dev.maestro.testing.QueuedWriters.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.testing.ManyWriters;
import dev.maestro.testing.QueuedWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SequenceCombinerTest {

    /** A counter in memory that records the size of every take. */
    private static class RecordingCounter implements SequenceCombiner.Counter {
        final AtomicLong value = new AtomicLong();
        final List<Integer> takes = new CopyOnWriteArrayList<>();

        @Override
        public long take(String channel, int count) {
            takes.add(count);
            return value.getAndAdd(count) + 1;
        }
    }

    @Test
    void aWriterAloneTakesItsNumberAtOnce() {
        RecordingCounter counter = new RecordingCounter();
        SequenceCombiner sequences = new SequenceCombiner(counter);
        assertThat(List.of(sequences.next("node"), sequences.next("node"), sequences.next("node"))).containsExactly(1L, 2L, 3L);
        assertThat(counter.takes).containsExactly(1, 1, 1);
    }

    @Test
    void writersQueuedBehindATakeInFlightShareTheNextTake() throws Exception {
        QueuedWriters writers = new QueuedWriters();
        RecordingCounter counter = new RecordingCounter() {
            @Override
            public long take(String channel, int count) {
                writers.gate();
                return super.take(channel, count);
            }
        };
        SequenceCombiner sequences = new SequenceCombiner(counter);
        CompletableFuture<Long> first = writers.first(() -> sequences.next("node"));
        List<CompletableFuture<Long>> queued = writers.queue(List.<Callable<Long>>of(
                () -> sequences.next("node"), () -> sequences.next("node"), () -> sequences.next("node")));
        writers.open();
        assertThat(answer(first)).isEqualTo(1);
        List<Long> numbers = new ArrayList<>();
        for (CompletableFuture<Long> writer : queued) {
            numbers.add(answer(writer));
        }
        assertThat(counter.takes).containsExactly(1, 3);
        assertThat(numbers).containsExactlyInAnyOrder(2L, 3L, 4L);
    }

    @Test
    void aFailedTakeFailsEveryWriterOfItsBatchAndTheNextWriterTakesAgain() {
        RuntimeException down = new IllegalStateException("database away");
        RecordingCounter counter = new RecordingCounter() {
            @Override
            public long take(String channel, int count) {
                if (takes.isEmpty()) {
                    takes.add(count);
                    throw down;
                }
                return super.take(channel, count);
            }
        };
        SequenceCombiner sequences = new SequenceCombiner(counter);
        assertThatThrownBy(() -> sequences.next("node")).isSameAs(down);
        assertThat(sequences.next("node")).isEqualTo(1);
    }

    @Test
    void channelsAreNumberedApart() {
        RecordingCounter node = new RecordingCounter();
        RecordingCounter other = new RecordingCounter();
        SequenceCombiner sequences = new SequenceCombiner((channel, count) -> (channel.equals("node") ? node : other).take(channel, count));
        assertThat(List.of(sequences.next("node"), sequences.next("other"), sequences.next("node"))).containsExactly(1L, 1L, 2L);
    }

    @Test
    void manyWritersGetEveryNumberExactlyOnceInFewerTakes() throws Exception {
        RecordingCounter counter = new RecordingCounter() {
            @Override
            public long take(String channel, int count) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.take(channel, count);
            }
        };
        SequenceCombiner sequences = new SequenceCombiner(counter);
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        ManyWriters.run(8, 200, i -> assertThat(numbers.add(sequences.next("node"))).isTrue());
        assertThat(numbers).hasSize(1600).allMatch(n -> n >= 1 && n <= 1600);
        assertThat(counter.takes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1600);
        assertThat(counter.takes).hasSizeLessThan(1600);
    }
}
