package dev.maestro.pipeline.ra.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The counters of every consumer group of this process. There is one adapter per server, and
 * the applications that show these counts ({@code /stats}) see the adapter's classes, so a
 * process-wide registry is the simplest bridge between the two.
 */
public final class DeliveryStats {
    private static final DeliveryStats SHARED = new DeliveryStats();

    private final Map<String, ConsumerCounters> consumers = new ConcurrentSkipListMap<>();

    public static DeliveryStats shared() {
        return SHARED;
    }

    public ConsumerCounters countersFor(ConsumerSettings settings) {
        return consumers.computeIfAbsent(settings.stream() + " " + settings.group(),
                key -> new ConsumerCounters(settings.stream(), settings.group(), settings.consumer()));
    }

    /** One map per consumer group, ordered by stream and group. */
    public List<Map<String, Object>> snapshot() {
        return consumers.values().stream().map(ConsumerCounters::snapshot).toList();
    }
}
