package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("writers waiting").isLessThan(deadline);
            Thread.sleep(5);
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
        CountDownLatch firstTakeMayEnd = new CountDownLatch(1);
        RecordingCounter counter = new RecordingCounter() {
            @Override
            public long take(String channel, int count) {
                if (takes.isEmpty()) {
                    try {
                        firstTakeMayEnd.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.take(channel, count);
            }
        };
        SequenceCombiner sequences = new SequenceCombiner(counter);
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        Thread first = new Thread(() -> numbers.add(sequences.next("node")));
        first.start();
        awaitWaiting(List.of(first));
        List<Thread> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> numbers.add(sequences.next("node")));
            queued.add(t);
            t.start();
        }
        awaitWaiting(queued);
        firstTakeMayEnd.countDown();
        first.join(20_000);
        for (Thread t : queued) {
            t.join(20_000);
        }
        assertThat(counter.takes).containsExactly(1, 3);
        assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
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
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertThat(numbers.add(sequences.next("node"))).isTrue();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(numbers).hasSize(1600).allMatch(n -> n >= 1 && n <= 1600);
        assertThat(counter.takes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1600);
        assertThat(counter.takes).hasSizeLessThan(1600);
    }
}
