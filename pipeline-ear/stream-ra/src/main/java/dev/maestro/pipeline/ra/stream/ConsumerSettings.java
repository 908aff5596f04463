package dev.maestro.pipeline.ra.stream;

import redis.clients.jedis.StreamEntryID;

/**
 * How one consumer reads one stream: its group and name, its filter, and the timings of
 * reading, retrying, reclaiming and giving up.
 *
 * @param stream           the stream to read
 * @param group            the consumer group, one per pipeline step
 * @param consumer         this instance's name in the group
 * @param filter           events to deliver; others are acknowledged and skipped
 * @param batchSize        entries read (and held) at once
 * @param blockMillis      how long one read waits for new entries
 * @param claimIdleMillis  idle time after which another consumer's unacknowledged entries are taken over
 * @param retryDelayMillis pause before an entry whose delivery failed here is delivered again
 * @param maxDeliveries    deliveries after which an unacknowledged entry goes to the dead-letter stream
 * @param startFrom        where a new group starts: {@code $} (only new events) or an entry id ({@code 0}: the whole stream)
 * @param deadLetterMaxLength approximate bound of the dead-letter stream
 */
public record ConsumerSettings(String stream, String group, String consumer, EventFilter filter, int batchSize,
                               int blockMillis, long claimIdleMillis, long retryDelayMillis, int maxDeliveries,
                               String startFrom, long deadLetterMaxLength) {

    /** {@code startFrom} as Redis takes it: {@code $}, or an entry id where {@code 0} means {@code 0-0}. */
    public StreamEntryID startId() {
        return startIdOf(startFrom);
    }

    /** Throws IllegalArgumentException when {@code text} is neither {@code $} nor an entry id. */
    public static StreamEntryID startIdOf(String text) {
        if ("$".equals(text)) {
            return StreamEntryID.XGROUP_LAST_ENTRY;
        }
        try {
            return text.contains("-") ? new StreamEntryID(text) : new StreamEntryID(Long.parseLong(text), 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("startFrom must be $ or a stream entry id, got '" + text + "'");
        }
    }

    public String deadLetterStream() {
        return EventStreams.deadLettersOf(stream);
    }

    @Override
    public String toString() {
        return stream + " as " + group + "/" + consumer + " (batch " + batchSize + ", block " + blockMillis
                + " ms, retry after " + retryDelayMillis + " ms, reclaim after " + claimIdleMillis + " ms idle, dead letter after "
                + maxDeliveries + " deliveries, new group from " + startFrom + ", filter " + filter + ")";
    }
}
