package dev.maestro.event.subscription;

import dev.maestro.event.StoredEvent;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subscription to a channel. {@code delivered} is the last sequence handed out (or skipped as
 * not visible); {@code acked} the last one the subscriber confirmed by listening again. A
 * durable subscription ({@code subscriberId} set) also saves {@code acked} under its
 * subscriber id, from where the next subscription with that id resumes.
 * {@code missedEvents} is how many events after that saved position had already left the
 * history when this subscription resumed. {@code closedReason} is null while the subscription
 * is live.
 */
public record Subscription(int id, String channel, String user, boolean promiscuous, String subscriberId,
                           long acked, long delivered, long missedEvents, Instant created, Instant lastPoll,
                           String closedReason) {

    public boolean durable() {
        return subscriberId != null;
    }

    public boolean live() {
        return closedReason == null;
    }

    /** Non-promiscuous subscribers see their own events and ownerless ones. */
    boolean visible(StoredEvent event) {
        return promiscuous || event.owner() == null || event.owner().isEmpty() || event.owner().equals(user);
    }

    Subscription withDelivered(long sequence) {
        return new Subscription(id, channel, user, promiscuous, subscriberId, acked, sequence, missedEvents, created,
                lastPoll, closedReason);
    }

    /** As after claiming up to {@code sequence} while confirming up to {@code confirmed}. */
    Subscription claimed(long sequence, long confirmed) {
        return new Subscription(id, channel, user, promiscuous, subscriberId, Math.max(acked, confirmed), sequence,
                missedEvents, created, lastPoll, closedReason);
    }

    /** KernelCI's Subscription ({@code id, channel, user, promiscuous}), plus the resume point when durable. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = kernelCiFields();
        if (durable()) {
            m.put("subscriber_id", subscriberId);
            m.put("last_event_id", acked);
            m.put("missed_events", missedEvents);
        }
        return m;
    }

    /** KernelCI's SubscriptionStats, plus the subscriber id and acknowledged position. */
    public Map<String, Object> toStatsJson() {
        Map<String, Object> m = kernelCiFields();
        m.put("created", Timestamps.format(created));
        m.put("last_poll", Timestamps.format(lastPoll));
        m.put("subscriber_id", subscriberId);
        m.put("last_event_id", acked);
        return m;
    }

    private Map<String, Object> kernelCiFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("channel", channel);
        m.put("user", user);
        m.put("promiscuous", promiscuous);
        return m;
    }
}
