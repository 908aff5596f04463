package dev.maestro.pipeline.lifecycle;

import dev.maestro.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the lifecycle timer has done in this instance: its period, its ticks, whether this
 * instance held the sweep lease at its last tick (applies the rules), and the transitions of each
 * kind (also counted in the metrics). Kept apart from the timer bean so that reading it never
 * waits for a tick.
 */
@ApplicationScoped
public class LifecycleStats {
    private final AtomicLong ticks = new AtomicLong();
    private final Map<String, AtomicLong> transitions = new ConcurrentSkipListMap<>();
    private volatile Duration period;
    private volatile Instant lastTick;
    private volatile boolean sweeping;

    private Metrics metrics = Metrics.NONE;

    /** Not in a field initialiser: CDI's client proxy runs those too, before the container is ready. */
    @PostConstruct
    void findMetrics() {
        metrics = Metrics.available();
    }

    void started(Duration timerPeriod) {
        this.period = timerPeriod;
    }

    void ticked(Instant at) {
        ticks.incrementAndGet();
        lastTick = at;
    }

    void applyingRules(boolean holdsTheLease) {
        sweeping = holdsTheLease;
    }

    void transitioned(String kind, int count) {
        transitions.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(count);
        if (count > 0) {
            metrics.count("maestro_lifecycle_transitions",
                    "Nodes moved on by the lifecycle timer of this instance, by rule (timeout, holdoff, closing)", count, "kind", kind);
        }
    }

    /** The counts as a JSON-ready map. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period_ms", period == null ? null : period.toMillis());
        m.put("ticks", ticks.get());
        m.put("last_tick", lastTick == null ? null : lastTick.toString());
        m.put("applies_rules", sweeping);
        Map<String, Long> byKind = new LinkedHashMap<>();
        transitions.forEach((kind, count) -> byKind.put(kind, count.get()));
        m.put("transitions", byKind);
        return m;
    }
}
