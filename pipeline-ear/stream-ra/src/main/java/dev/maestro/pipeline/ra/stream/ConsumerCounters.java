package dev.maestro.pipeline.ra.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one consumer group has done in this process since it started. */
public final class ConsumerCounters {
    private final String stream;
    private final String group;
    private final String consumer;
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong redeliveries = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final AtomicLong reclaimed = new AtomicLong();
    final AtomicLong filtered = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    /** Events delivered from the event history when the group was (re)created. */
    final AtomicLong caughtUp = new AtomicLong();
    /** Events the group should have had but that were gone from the event history too. */
    final AtomicLong historyGap = new AtomicLong();

    ConsumerCounters(String stream, String group, String consumer) {
        this.stream = stream;
        this.group = group;
        this.consumer = consumer;
    }

    /** The counts as a JSON-ready map (names in snake case, as the rest of the API). */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stream", stream);
        m.put("group", group);
        m.put("consumer", consumer);
        m.put("deliveries", deliveries.get());
        m.put("redeliveries", redeliveries.get());
        m.put("acknowledged", acknowledged.get());
        m.put("failures", failures.get());
        m.put("dead_letters", deadLetters.get());
        m.put("reclaimed", reclaimed.get());
        m.put("filtered", filtered.get());
        m.put("reconnects", reconnects.get());
        m.put("caught_up", caughtUp.get());
        m.put("history_gap", historyGap.get());
        return m;
    }
}
