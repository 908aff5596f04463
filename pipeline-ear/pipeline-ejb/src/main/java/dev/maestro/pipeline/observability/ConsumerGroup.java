package dev.maestro.pipeline.observability;

import java.util.Map;

/** A consumer group of this instance, as the resource adapter's counters name it. */
record ConsumerGroup(String stream, String group, Map<String, Object> counters) {

    static ConsumerGroup of(Map<String, Object> snapshot) {
        return new ConsumerGroup((String) snapshot.get("stream"), (String) snapshot.get("group"), snapshot);
    }

    long count(String name) {
        return counters.get(name) instanceof Number n ? n.longValue() : 0;
    }
}
