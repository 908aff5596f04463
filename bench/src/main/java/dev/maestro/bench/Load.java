package dev.maestro.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** A closed-loop load: a few clients each sending one request after another for a while. */
final class Load {
    private Load() {
    }

    /** Runs {@code request} (given a number unique in this run) from {@code clients} threads for {@code duration}; returns requests/s. */
    static double run(int clients, Duration duration, IntConsumer request) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && failure.get() == null) {
                    try {
                        request.accept(sent.getAndIncrement());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }
}
