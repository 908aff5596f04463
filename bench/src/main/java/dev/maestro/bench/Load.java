package dev.maestro.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** A closed-loop load: a few clients each sending one request after another for a while. */
final class Load {
    private Load() {
    }

    /** Runs {@code request} (given a number unique in this run) from {@code clients} threads for {@code duration}; returns requests/s. */
    static double run(int clients, Duration duration, IntConsumer request) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Clients.repeat(clients, "load", () -> {
            if (System.nanoTime() >= end) {
                return false;
            }
            request.accept(sent.getAndIncrement());
            return true;
        });
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }
}
