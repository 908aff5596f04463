package dev.maestro.pipeline.it.deployed;

import dev.maestro.pipeline.ra.EventDelivery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every delivery the test beans saw, by consumer group, with its outcome ({@code handled} or {@code failed}). */
public final class Deliveries {
    private static final Map<String, List<Map<String, Object>>> BY_GROUP = new ConcurrentHashMap<>();

    private Deliveries() {
    }

    static void record(EventDelivery d, String outcome) {
        BY_GROUP.computeIfAbsent(d.group(), g -> new CopyOnWriteArrayList<>())
                .add(Map.of("event_id", d.eventId(), "entry_id", d.entryId(), "delivery", d.deliveryCount(), "outcome", outcome));
    }

    static List<Map<String, Object>> of(String group) {
        return BY_GROUP.getOrDefault(group, List.of());
    }
}
