package dev.maestro.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writers at once, for the tests of what concurrent writers share: each on a thread of its own, writing in a loop. */
public final class ManyWriters {
    /** One write; {@code i} counts the writer's writes from 0. */
    @FunctionalInterface
    public interface Write {
        void run(int i) throws Exception;
    }

    private ManyWriters() {
    }

    /** Runs {@code write} {@code times} times on each of {@code writers} threads; throws the first failure, or fails after a minute. */
    public static void run(int writers, int times, Write write) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < times; i++) {
                        write.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
