package dev.maestro.pipeline.ra;

/**
 * One delivery of one stream entry to one consumer group.
 *
 * @param stream        the Redis stream, e.g. {@code maestro:events:node}
 * @param group         the consumer group (one per pipeline step)
 * @param entryId       the stream entry id ({@code 1700000000000-0})
 * @param channel       the event channel the entry was published on
 * @param sequence      the event's {@code sequence_id} in its channel (its place in {@code eventhistory})
 * @param eventId       the CloudEvent {@code id}, or null when the envelope has none
 * @param envelope      the CloudEvents JSON envelope, as stored in {@code eventhistory}
 * @param deliveryCount 1 for the first delivery, more when redelivered after a failure or a crash
 */
public record EventDelivery(String stream, String group, String entryId, String channel, long sequence,
                            String eventId, String envelope, long deliveryCount) {

    public boolean isRedelivery() {
        return deliveryCount > 1;
    }
}
