package dev.maestro.event;

import dev.maestro.store.Combiner;
import dev.maestro.store.Combiner.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.XAddParams;

/**
 * Tells Redis of stored events: PUBLISH on the event's channel (live listeners), XADD to its
 * stream (the pipeline's consumer groups). Both commands of an event, and those of the events of
 * concurrent writers ({@link Combiner}: a writer alone sends at once), go in one pipeline, so one
 * round trip for the batch; the replies are read once all are sent, and each event learns of its
 * own commands' errors.
 */
final class RedisNotifications {
    static final long STREAM_MAX_LENGTH = 100_000;
    /** One pipeline for every channel: the one key of the combiner. */
    private static final String ALL_CHANNELS = "*";

    private final JedisPool redis;
    private final Combiner<String, StoredEvent, Void> pipelines = new Combiner<>((key, events) -> sendAll(events));

    RedisNotifications(JedisPool redis) {
        this.redis = redis;
    }

    /** Publishes and streams {@code event}; throws when Redis refused either command or could not be reached. */
    void send(StoredEvent event) {
        pipelines.submit(ALL_CHANNELS, event);
    }

    private List<Outcome<Void>> sendAll(List<StoredEvent> events) {
        try (Jedis jedis = redis.getResource(); Pipeline pipeline = jedis.pipelined()) {
            List<List<Response<?>>> replies = new ArrayList<>();
            for (StoredEvent event : events) {
                replies.add(List.of(pipeline.publish(event.channel(), event.envelope()),
                        pipeline.xadd(StoredEvent.streamOf(event.channel()), streamTrimming(), event.streamFields())));
            }
            pipeline.sync();
            return replies.stream().map(RedisNotifications::outcome).toList();
        }
    }

    private static Outcome<Void> outcome(List<Response<?>> replies) {
        try {
            replies.forEach(Response::get);
            return Outcome.of(null);
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    /** Adds one stored event to its stream, on its own: for the repairs. */
    static void addToStream(Jedis jedis, String channel, Map<String, String> fields) {
        jedis.xadd(StoredEvent.streamOf(channel), streamTrimming(), fields);
    }

    private static XAddParams streamTrimming() {
        return XAddParams.xAddParams().maxLen(STREAM_MAX_LENGTH).approximateTrimming();
    }
}
