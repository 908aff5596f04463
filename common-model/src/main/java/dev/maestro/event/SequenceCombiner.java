package dev.maestro.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes a channel's sequence numbers for concurrent writers together. A writer that finds no take
 * of the channel in flight takes a number for itself and for every writer queued behind it, in one
 * increment of the counter by their count; writers that come meanwhile queue for the next take,
 * which the first of them makes. A writer alone takes its number at once, as before.
 *
 * <p>Why: every write of the node channel incremented the same counter document. Under the kit's
 * POST load its reads were the only database round trips of the write path that took more than
 * 20 ms (up to 210 ms in a flight recording), the embedded database serialising them, and
 * they set the POST's p99.
 */
final class SequenceCombiner {
    /** Increments the channel's counter by {@code count}; returns the first of the numbers it handed out. */
    interface Counter {
        long take(String channel, int count);
    }

    private static final class Ticket {
        private long number;
        private RuntimeException failure;
        private boolean done;
        private boolean leads;

        long number() {
            if (failure != null) {
                throw failure;
            }
            return number;
        }
    }

    /** A channel's queue while someone takes its numbers; dropped (retired) when that ends with no one queued. */
    private static final class Queue {
        private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
        private boolean taking;
        private boolean retired;
    }

    private final Counter counter;
    private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();

    SequenceCombiner(Counter counter) {
        this.counter = counter;
    }

    long next(String channel) {
        while (true) {
            Queue q = queues.computeIfAbsent(channel, k -> new Queue());
            Ticket mine = new Ticket();
            synchronized (q) {
                if (q.retired) {
                    continue;
                }
                q.waiting.add(mine);
                if (!q.taking) {
                    q.taking = true;
                    mine.leads = true;
                }
                awaitTurn(q, mine);
            }
            if (!mine.done) {
                take(channel, q);
            }
            return mine.number();
        }
    }

    /**
     * Waits without giving up on interruption: a ticket left in the queue could be chosen to make
     * the next take, and the writers behind it would wait for ever.
     */
    private static void awaitTurn(Queue q, Ticket mine) {
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

    private void take(String channel, Queue q) {
        List<Ticket> batch;
        synchronized (q) {
            batch = new ArrayList<>(q.waiting);
            q.waiting.clear();
        }
        try {
            long first = counter.take(channel, batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).number = first + i;
            }
        } catch (RuntimeException e) {
            batch.forEach(t -> t.failure = e);
        }
        synchronized (q) {
            batch.forEach(t -> t.done = true);
            Ticket next = q.waiting.peekFirst();
            if (next == null) {
                q.taking = false;
                q.retired = true;
                queues.remove(channel, q);
            } else {
                next.leads = true;
            }
            q.notifyAll();
        }
    }
}
