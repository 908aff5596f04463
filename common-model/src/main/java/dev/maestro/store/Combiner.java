package dev.maestro.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group commit: the same operation of concurrent writers, combined into one command. A writer
 * that finds no operation of its key in flight runs its own at once, so a writer alone waits for
 * nothing more than its own command; writers that come meanwhile queue, and once the operation in
 * flight ends the first of them runs one operation for all queued. Each writer gets its own
 * outcome (its result or its failure), and returns only once its operation is done.
 *
 * <p>Why: a node POST made four database round trips to KernelCI's two, and the kit's database
 * stalls now and then (about 200 ms) on every kind of operation; under load, fewer commands mean
 * fewer stalls met per POST.
 *
 * @param <K> what tells operations apart (e.g. an event channel): only those of one key combine
 * @param <T> a writer's item
 * @param <R> a writer's result
 */
public final class Combiner<K, T, R> {
    /** One command for the items of a batch, in the order the writers came. */
    @FunctionalInterface
    public interface Operation<K, T, R> {
        /** One outcome per item, in the items' order; throwing fails every item. */
        List<Outcome<R>> run(K key, List<T> items);
    }

    /** An item's result, or its failure, thrown to its writer alone. */
    public record Outcome<R>(R result, RuntimeException failure) {
        public static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        R get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private static final class Ticket<T, R> {
        private final T item;
        private Outcome<R> outcome;
        private boolean done;
        private boolean leads;

        Ticket(T item) {
            this.item = item;
        }

        R result() {
            if (outcome == null) {
                throw new IllegalStateException("The combined operation of this write ended abruptly");
            }
            return outcome.get();
        }
    }

    /** A key's queue while an operation of it runs; dropped (retired) when that ends with no one queued. */
    private static final class Queue<T, R> {
        private final ArrayDeque<Ticket<T, R>> waiting = new ArrayDeque<>();
        private boolean running;
        private boolean retired;
    }

    private final Operation<K, T, R> operation;
    private final ConcurrentHashMap<K, Queue<T, R>> queues = new ConcurrentHashMap<>();

    public Combiner(Operation<K, T, R> operation) {
        this.operation = operation;
    }

    /** Runs {@code item}'s operation, alone or with those of other writers; returns its result or throws its failure. */
    public R submit(K key, T item) {
        while (true) {
            Queue<T, R> q = queues.computeIfAbsent(key, k -> new Queue<>());
            Ticket<T, R> mine = new Ticket<>(item);
            synchronized (q) {
                if (q.retired) {
                    continue;
                }
                q.waiting.add(mine);
                if (!q.running) {
                    q.running = true;
                    mine.leads = true;
                }
                awaitTurn(q, mine);
            }
            if (!mine.done) {
                runBatch(key, q);
            }
            return mine.result();
        }
    }

    /**
     * Waits without giving up on interruption: a ticket left in the queue could be chosen to run
     * the next operation, and the writers behind it would wait for ever.
     */
    private static void awaitTurn(Queue<?, ?> q, Ticket<?, ?> mine) {
        boolean interrupted = false;
        while (!mine.done && !mine.leads) {
            try {
                q.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runBatch(K key, Queue<T, R> q) {
        List<Ticket<T, R>> batch;
        synchronized (q) {
            batch = new ArrayList<>(q.waiting);
            q.waiting.clear();
        }
        try {
            answer(key, batch);
        } finally {
            // Even after an Error: the writers of the batch are released and the next one leads.
            handOff(key, q, batch);
        }
    }

    private void answer(K key, List<Ticket<T, R>> batch) {
        List<Outcome<R>> outcomes;
        try {
            outcomes = operation.run(key, batch.stream().map(t -> t.item).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + batch.size() + " combined writes");
            }
        } catch (RuntimeException e) {
            outcomes = Collections.nCopies(batch.size(), Outcome.failed(e));
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome = outcomes.get(i);
        }
    }

    private void handOff(K key, Queue<T, R> q, List<Ticket<T, R>> batch) {
        synchronized (q) {
            batch.forEach(t -> t.done = true);
            Ticket<T, R> next = q.waiting.peekFirst();
            if (next == null) {
                q.running = false;
                q.retired = true;
                queues.remove(key, q);
            } else {
                next.leads = true;
            }
            q.notifyAll();
        }
    }
}
