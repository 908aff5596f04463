package dev.maestro.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent writers in a known order, for the tests of what they combine: a first writer holds
 * at a {@link #gate()} inside its operation until the others wait in the queue behind it, so that
 * they all go in the next combined operation. Each writer runs on a thread of its own and answers
 * through a future. Bounded: what does not happen within 20 s fails the test.
 */
public final class QueuedWriters {
    private static final long BOUND_SECONDS = 20;

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicBoolean taken = new AtomicBoolean();

    /** Called from inside the operation: the first call holds until {@link #open()}; later calls pass at once. */
    public void gate() {
        if (taken.compareAndSet(false, true)) {
            held.countDown();
            try {
                assertThat(open.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("gate opened").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted at the gate", e);
            }
        }
    }

    /** Starts the first writer and returns once it holds at the gate. */
    public <R> CompletableFuture<R> first(Callable<R> writer) throws InterruptedException {
        CompletableFuture<R> answer = new CompletableFuture<>();
        start(writer, answer);
        assertThat(held.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("first writer at the gate").isTrue();
        return answer;
    }

    /** Starts these writers and returns once each waits (queued behind the first). */
    public <R> List<CompletableFuture<R>> queue(List<Callable<R>> writers) throws InterruptedException {
        List<CompletableFuture<R>> answers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Callable<R> writer : writers) {
            CompletableFuture<R> answer = new CompletableFuture<>();
            threads.add(start(writer, answer));
            answers.add(answer);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("queued writers waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
        return answers;
    }

    /** Lets the first writer's operation go on; the queued ones follow in the next. */
    public void open() {
        open.countDown();
    }

    /** What the writer answered, waiting at most the bound. */
    public static <R> R answer(CompletableFuture<R> writer) throws Exception {
        return writer.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    /** What the writer threw, waiting at most the bound; fails the test if it answered. */
    public static Throwable failure(CompletableFuture<?> writer) throws Exception {
        try {
            throw new AssertionError("the writer answered " + writer.get(BOUND_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static <R> Thread start(Callable<R> writer, CompletableFuture<R> answer) {
        Thread t = new Thread(() -> {
            try {
                answer.complete(writer.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        t.start();
        return t;
    }
}
