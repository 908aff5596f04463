package dev.maestro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Client threads of a load: each repeats one step until it says it is done or a step failed. */
final class Clients {
    private Clients() {
    }

    /** Runs {@code step} over and over on {@code clients} threads until it returns false; rethrows the first failure. */
    static void repeat(int clients, String name, BooleanSupplier step) throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (failure.get() == null && step.getAsBoolean()) {
                        // one request per turn; the step says when this client is done
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
