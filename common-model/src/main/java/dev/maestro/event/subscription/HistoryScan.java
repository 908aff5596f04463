package dev.maestro.event.subscription;

import dev.maestro.event.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One pass over a batch of a channel's history after a subscription's position. Events are taken
 * strictly in sequence: writers take numbers and insert concurrently, so sequence 5 can be stored
 * before 4. A missing number blocks the scan until {@code gapWait} has passed since the event
 * after it was stamped (its writer took its number after the missing one's); only then is it
 * skipped, because its writer failed or it expired.
 *
 * @param event    the next event to deliver, or null
 * @param position the sequence the subscription may move to (the event's, or the last one skipped)
 * @param retryAt  when a blocking gap may be skipped, or null when nothing is blocked
 * @param skipped  the gaps passed over, for the log
 */
record HistoryScan(StoredEvent event, long position, Instant retryAt, List<Gap> skipped) {

    /** Missing sequences {@code first..last}. */
    record Gap(long first, long last) {
    }

    static HistoryScan of(long from, List<StoredEvent> batch, Predicate<StoredEvent> visible, Instant now,
                          Duration gapWait) {
        long position = from;
        List<Gap> skipped = new ArrayList<>();
        for (StoredEvent e : batch) {
            if (e.sequence() > position + 1) {
                Instant settled = e.timestamp().plus(gapWait);
                if (now.isBefore(settled)) {
                    return new HistoryScan(null, position, settled, skipped);
                }
                skipped.add(new Gap(position + 1, e.sequence() - 1));
            }
            if (visible.test(e)) {
                return new HistoryScan(e, e.sequence(), null, skipped);
            }
            position = e.sequence();
        }
        return new HistoryScan(null, position, null, skipped);
    }
}
