package dev.maestro.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Where the application's figures go. Tags are given as name, value, name, value, ….
 * {@link #available()} finds the server's MicroProfile Metrics registry, or {@link #NONE}.
 */
public interface Metrics {
    /** Figures dropped: the server has no MicroProfile Metrics. */
    Metrics NONE = new Metrics() {
        @Override
        public void count(String name, String description, long amount, String... tags) {
        }

        @Override
        public void time(String name, String description, Duration took, String... tags) {
        }

        @Override
        public void gauge(String name, String description, Supplier<? extends Number> value, String... tags) {
        }
    };

    /** Adds {@code amount} to the counter (exported as {@code name_total}). */
    void count(String name, String description, long amount, String... tags);

    /** Records one duration in the timer (exported as {@code name_seconds}). */
    void time(String name, String description, Duration took, String... tags);

    /** Registers a gauge read when the figures are scraped; registering it again changes nothing. */
    void gauge(String name, String description, Supplier<? extends Number> value, String... tags);

    /** The server's application registry, when the server provides MicroProfile Metrics; else {@link #NONE}. */
    static Metrics available() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            Logger.getLogger(Metrics.class.getName()).info("MicroProfile Metrics is not available here: no application metrics");
            return NONE;
        }
        return MicroProfileMetrics.fromServer();
    }
}
