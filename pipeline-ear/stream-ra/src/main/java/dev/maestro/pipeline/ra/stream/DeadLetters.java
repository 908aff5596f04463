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
        Transaction tx = jedis.multi();
        tx.xadd(settings.deadLetterStream(), addParams(), letter(entry.getFields(), entry.getID().toString(), deliveries, error));
        tx.xack(settings.stream(), settings.group(), entry.getID());
        tx.exec();
        logged(entry.getFields(), entry.getID().toString(), deliveries, error);
    }

    /** An event delivered from the event history (not from the stream): nothing to acknowledge. */
    void send(Jedis jedis, Map<String, String> eventFields, String entryId, long deliveries, String error) {
        jedis.xadd(settings.deadLetterStream(), addParams(), letter(eventFields, entryId, deliveries, error));
        logged(eventFields, entryId, deliveries, error);
    }

    private XAddParams addParams() {
        return XAddParams.xAddParams().maxLen(settings.deadLetterMaxLength()).approximateTrimming();
    }

    private Map<String, String> letter(Map<String, String> eventFields, String entryId, long deliveries, String error) {
        Map<String, String> fields = new LinkedHashMap<>(eventFields);
        fields.put("entry_id", entryId);
        fields.put("group", settings.group());
        fields.put("consumer", settings.consumer());
        fields.put("deliveries", Long.toString(deliveries));
        fields.put("error", error);
        return fields;
    }

    private void logged(Map<String, String> eventFields, String entryId, long deliveries, String error) {
        counters.deadLetters.incrementAndGet();
        LOG.warning("Dead letter: event " + Envelope.parse(eventFields.get("event")).id() + " (" + settings.stream()
                + " entry " + entryId + ", group " + settings.group() + ") moved to " + settings.deadLetterStream()
                + " after " + deliveries + " deliveries: " + error);
    }
}
