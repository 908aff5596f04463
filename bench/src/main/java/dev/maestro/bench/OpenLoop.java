package dev.maestro.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * An open-loop load: requests due at a fixed rate, whatever the server's answers take, sent by at
 * most {@code clients} threads at a time. A request is sent at its due time if a client is free,
 * else as soon as one is; its due time is recorded so that latency can be counted from it, and a
 * slow server shows as waiting time instead of as a lower rate (no coordinated omission).
 */
final class OpenLoop {
    /** Sent later than this after its due time: a request that waited for a free client. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final long[] due;
    private final long[] answered;
    private final AtomicInteger late = new AtomicInteger();

    OpenLoop(int capacity) {
        this.due = new long[capacity];
        this.answered = new long[capacity];
    }

    /**
     * Sends requests {@code first} to {@code first + count - 1} at {@code rate} per second from
     * {@code clients} threads, starting now; returns when all are answered. {@code request} gets
     * the request's number.
     */
    void run(int first, int count, double rate, int clients, IntConsumer request) throws InterruptedException {
        late.set(0);
        long start = System.nanoTime();
        double period = 1e9 / rate;
        AtomicInteger next = new AtomicInteger();
        Clients.repeat(clients, "writer", () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return false;
            }
            int n = first + i;
            due[n] = start + Math.round(i * period);
            for (long wait = due[n] - System.nanoTime(); wait > 0; wait = due[n] - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due[n] > LATE_NANOS) {
                late.incrementAndGet();
            }
            request.accept(n);
            answered[n] = System.nanoTime();
            return true;
        });
    }

    /** When request {@code n} was due (System.nanoTime). */
    long due(int n) {
        return due[n];
    }

    /** When request {@code n} was answered (System.nanoTime). */
    long answered(int n) {
        return answered[n];
    }

    /** Requests of the last {@link #run} sent more than 2 ms after their due time because every client was busy. */
    int late() {
        return late.get();
    }
}
