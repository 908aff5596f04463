package dev.maestro.api.dashboard;

import dev.maestro.event.EventHistory;
import dev.maestro.event.StoredEvent;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.NodeStore;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Follows one live page: reads the node channel's history after its cursor and sends each event
 * of a node in the checkout's subtree (a node created under it joins the subtree) as an SSE
 * event whose id is the sequence. Between reads it waits for Redis's word of a new node event,
 * or {@link #POLL} at most (a notification lost in a Redis outage only delays). Ends when the
 * browser goes away or after {@link #LIFETIME}; the browser then reconnects with the last id it
 * got and resumes there.
 */
final class CheckoutFollower implements Runnable {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(CheckoutFollower.class.getName());

    private final Set<ObjectId> subtree;
    private long cursor;
    private final EventHistory history;
    private final SubscriptionService wakes;
    private final NodeStore nodes;
    private final SseEventSink sink;
    private final Sse sse;

    CheckoutFollower(Set<ObjectId> subtree, long cursor, EventHistory history, SubscriptionService wakes, NodeStore nodes,
                     SseEventSink sink, Sse sse) {
        this.subtree = subtree;
        this.cursor = cursor;
        this.history = history;
        this.wakes = wakes;
        this.nodes = nodes;
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void run() {
        Instant end = Instant.now().plus(LIFETIME);
        Instant lastSent = Instant.now();
        try (sink) {
            // Tells the browser how long to wait before reconnecting, and that the stream is open.
            if (!send(sse.newEventBuilder().reconnectDelay(1000).comment("following").build())) {
                return;
            }
            while (!sink.isClosed() && Instant.now().isBefore(end)) {
                // Registered before reading, so an event written after the read still wakes us.
                CompletableFuture<Void> wake = wakes.nextPublish(NodeEvent.CHANNEL);
                try {
                    List<StoredEvent> events = history.after(NodeEvent.CHANNEL, cursor, BATCH);
                    for (StoredEvent event : relevant(events)) {
                        if (!send(sse.newEventBuilder().id(Long.toString(event.sequence())).name("node")
                                .data(String.class, nodeId(event)).build())) {
                            return;
                        }
                        lastSent = Instant.now();
                    }
                    if (!events.isEmpty()) {
                        cursor = events.get(events.size() - 1).sequence();
                        continue;
                    }
                    if (Instant.now().isAfter(lastSent.plus(KEEP_ALIVE))) {
                        if (!send(sse.newEventBuilder().comment("keep-alive").build())) {
                            return;
                        }
                        lastSent = Instant.now();
                    }
                    awaitNews(wake);
                } finally {
                    wakes.forgetWake(NodeEvent.CHANNEL, wake);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A live dashboard page stopped being followed", e);
        }
    }

    private static void awaitNews(CompletableFuture<Void> wake) throws InterruptedException {
        try {
            wake.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Nothing said: read the history anyway.
        }
    }

    /** Answers a page that cannot be followed now: the stream closes and the browser retries later. */
    void refuse() {
        try (sink) {
            send(sse.newEventBuilder().reconnectDelay(30_000).comment("busy").build());
        }
    }

    /** The events of the batch that concern the subtree; nodes created under it join it. */
    private List<StoredEvent> relevant(List<StoredEvent> events) {
        List<ObjectId> unknown = new ArrayList<>();
        for (StoredEvent event : events) {
            ObjectId id = objectId(nodeId(event));
            if (id != null && !subtree.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            Map<ObjectId, Node> found = nodes.findAll(unknown);
            // In sequence order, so a child created after its new parent joins too.
            for (ObjectId id : unknown) {
                Node node = found.get(id);
                if (node != null && node.parent() != null && subtree.contains(node.parent())) {
                    subtree.add(id);
                }
            }
        }
        return events.stream().filter(e -> {
            ObjectId id = objectId(nodeId(e));
            return id != null && subtree.contains(id);
        }).toList();
    }

    private boolean send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String nodeId(StoredEvent event) {
        return event.data() instanceof Map<?, ?> data && data.get("id") != null ? String.valueOf(data.get("id")) : "";
    }

    private static ObjectId objectId(String hex) {
        return ObjectId.isValid(hex) ? new ObjectId(hex) : null;
    }
}
