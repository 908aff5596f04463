package dev.maestro.event;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest stored events of each channel, kept in memory by sequence, so that the
 * {@code /listen}s of several subscribers, and of one subscriber catching up, read an event
 * from MongoDB at most once per instance, and not at all when this instance wrote it. Stored
 * events never change, so a cached one is always right; one that is not here is simply read
 * from the history. Bounded: {@link #PER_CHANNEL} events per channel (a slot holds the newest
 * event whose sequence falls on it, so a subscriber far behind does not push out what those
 * keeping up need), and no new channels beyond {@link #MAX_CHANNELS}: with envelopes of 1-2 KB,
 * at most about 16 MB.
 */
public final class RecentEvents {
    static final int PER_CHANNEL = 512;
    static final int MAX_CHANNELS = 16;

    private final ConcurrentHashMap<String, AtomicReferenceArray<StoredEvent>> channels = new ConcurrentHashMap<>();

    public void remember(StoredEvent event) {
        AtomicReferenceArray<StoredEvent> slots = channels.get(event.channel());
        if (slots == null) {
            if (channels.size() >= MAX_CHANNELS) {
                return;
            }
            slots = channels.computeIfAbsent(event.channel(), c -> new AtomicReferenceArray<>(PER_CHANNEL));
        }
        slots.getAndUpdate(slot(event.sequence()), kept -> kept == null || kept.sequence() < event.sequence() ? event : kept);
    }

    public Optional<StoredEvent> at(String channel, long sequence) {
        AtomicReferenceArray<StoredEvent> slots = channels.get(channel);
        if (slots == null) {
            return Optional.empty();
        }
        StoredEvent event = slots.get(slot(sequence));
        return event != null && event.sequence() == sequence ? Optional.of(event) : Optional.empty();
    }

    private static int slot(long sequence) {
        return (int) Math.floorMod(sequence, (long) PER_CHANNEL);
    }
}
