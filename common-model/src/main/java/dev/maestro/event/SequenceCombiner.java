package dev.maestro.event;

import dev.maestro.store.Combiner;
import java.util.stream.LongStream;

/**
 * Takes a channel's sequence numbers for concurrent writers together ({@link Combiner}): a writer
 * that finds no take of the channel in flight takes a number for itself and for every writer
 * queued behind it, in one increment of the counter by their count; writers that come meanwhile
 * queue for the next take, which the first of them makes. A writer alone takes its number at
 * once, as before.
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

    private final Combiner<String, Void, Long> takes;

    SequenceCombiner(Counter counter) {
        this.takes = new Combiner<>((channel, writers) -> {
            long first = counter.take(channel, writers.size());
            return LongStream.range(first, first + writers.size()).mapToObj(Combiner.Outcome::of).toList();
        });
    }

    long next(String channel) {
        return takes.submit(channel, null);
    }
}
