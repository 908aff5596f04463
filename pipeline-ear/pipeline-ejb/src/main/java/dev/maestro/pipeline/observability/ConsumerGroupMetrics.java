package dev.maestro.pipeline.observability;

import dev.maestro.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gauges of every consumer group of this instance: its lag behind its channel and the
 * resource adapter's counts of deliveries, failures and dead letters. Groups start when their
 * message-driven beans are activated, so a timer registers the gauges of new ones; it also
 * reads the lag, so that a scrape of {@code /metrics} never waits for MongoDB.
 */
@Singleton
@Startup
public class ConsumerGroupMetrics {
    private static final Logger LOG = Logger.getLogger(ConsumerGroupMetrics.class.getName());
    private static final long PERIOD_MILLIS = 5000;
    static final String LAG = "maestro_consumer_group_lag";

    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    @Resource
    TimerService timers;

    @Inject
    ConsumerGroups groups;

    private Metrics metrics = Metrics.NONE;

    @PostConstruct
    void start() {
        metrics = Metrics.available();
        timers.createIntervalTimer(0, PERIOD_MILLIS, new TimerConfig("maestro-consumer-group-metrics", false));
    }

    @Timeout
    void refresh() {
        for (ConsumerGroup group : ConsumerGroups.all()) {
            if (counted.add(group.group())) {
                registerCounts(group);
            }
            try {
                // A group without a checkpoint yet has no lag to tell: no gauge rather than a false 0.
                groups.lag(group).ifPresent(behind -> lags.computeIfAbsent(group.group(), name -> registerLag(group)).set(behind));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Lag of group " + group.group() + " not read this time", e);
            }
        }
    }

    private AtomicLong registerLag(ConsumerGroup group) {
        AtomicLong lag = new AtomicLong();
        metrics.gauge(LAG, "Events on the group's channel after its checkpoint in MongoDB", lag::get, tags(group));
        return lag;
    }

    private void registerCounts(ConsumerGroup group) {
        String[] tags = tags(group);
        gauge("maestro_consumer_deliveries", "Deliveries to the group's beans in this instance, redeliveries included",
                group, "deliveries", tags);
        gauge("maestro_consumer_failures", "Deliveries that failed in this instance", group, "failures", tags);
        gauge("maestro_consumer_dead_letters", "Events this instance moved to the dead-letter stream after the last delivery",
                group, "dead_letters", tags);
    }

    private static String[] tags(ConsumerGroup group) {
        return new String[] {"group", group.group(), "stream", group.stream()};
    }

    private void gauge(String name, String description, ConsumerGroup group, String counter, String[] tags) {
        metrics.gauge(name, description,
                () -> ConsumerGroups.all().stream().filter(g -> g.group().equals(group.group())).mapToLong(g -> g.count(counter)).sum(),
                tags);
    }
}
