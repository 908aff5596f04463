package dev.maestro.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map whose entries vanish at their own expiry instant. No cache library is on the
 * API's class path, and this is all the authentication caches need: a full cache first drops
 * what has expired and, if it is still full, everything (refilling costs one lookup each).
 */
final class ExpiringCache<K, V> {
    private record Entry<V>(V value, long expiresMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    ExpiringCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresMillis() <= clock.millis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps {@code value} until {@code expires}; returns it. */
    V put(K key, V value, Instant expires) {
        if (entries.size() >= capacity) {
            long now = clock.millis();
            entries.values().removeIf(e -> e.expiresMillis() <= now);
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, expires.toEpochMilli()));
        return value;
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
