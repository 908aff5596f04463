package dev.maestro.pipeline.ra.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves an entry that failed too often to the dead-letter stream next to its stream, with its
 * original fields plus {@code entry_id}, {@code group}, {@code consumer}, {@code deliveries} and
 * {@code error}, and acknowledges it in the same transaction, so that it is either still pending
 * or dead-lettered, never lost or both.
 */
final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    private final ConsumerSettings settings;
    private final ConsumerCounters counters;

    DeadLetters(ConsumerSettings settings, ConsumerCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    void send(Jedis jedis, StreamEntry entry, long deliveries, String error) {
        Map<String, String> fields = new LinkedHashMap<>(entry.getFields());
        fields.put("entry_id", entry.getID().toString());
        fields.put("group", settings.group());
        fields.put("consumer", settings.consumer());
        fields.put("deliveries", Long.toString(deliveries));
        fields.put("error", error);
        Transaction tx = jedis.multi();
        tx.xadd(settings.deadLetterStream(), XAddParams.xAddParams().maxLen(settings.deadLetterMaxLength()).approximateTrimming(), fields);
        tx.xack(settings.stream(), settings.group(), entry.getID());
        tx.exec();
        counters.deadLetters.incrementAndGet();
        LOG.warning("Dead letter: event " + Envelope.parse(entry.getFields().get("event")).id() + " (" + settings.stream()
                + " entry " + entry.getID() + ", group " + settings.group() + ") moved to " + settings.deadLetterStream()
                + " after " + deliveries + " deliveries: " + error);
    }
}
