package dev.maestro.pipeline.it.deployed;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds deliveries until a test opens it, so that a test can act while a delivery is in flight. */
public final class Gate {
    private static volatile CountDownLatch open = new CountDownLatch(1);
    private static final AtomicInteger WAITING = new AtomicInteger();

    private Gate() {
    }

    /** Waits until the gate opens (at most two minutes, so that a failed test does not hang the server). */
    static void pass() throws InterruptedException {
        WAITING.incrementAndGet();
        try {
            open.await(2, TimeUnit.MINUTES);
        } finally {
            WAITING.decrementAndGet();
        }
    }

    static void close() {
        open = new CountDownLatch(1);
    }

    static void open() {
        open.countDown();
    }

    static int waiting() {
        return WAITING.get();
    }
}
