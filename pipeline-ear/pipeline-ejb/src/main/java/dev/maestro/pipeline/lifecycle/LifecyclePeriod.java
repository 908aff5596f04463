package dev.maestro.pipeline.lifecycle;

import java.time.Duration;

/**
 * Parses {@code MAESTRO_LIFECYCLE_PERIOD}: a number of seconds ({@code 10}, {@code 0.5}) or a
 * number with a unit ({@code 500ms}, {@code 10s}, {@code 1m}).
 */
final class LifecyclePeriod {

    private LifecyclePeriod() {
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000));
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1).trim() : t) * 1000));
            }
            if (d.toMillis() >= 100) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("MAESTRO_LIFECYCLE_PERIOD must be a period of at least 100 ms such as 10, 10s, 500ms or 1m; got '" + text + "'");
    }
}
