package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.LavaConfig;
import java.util.Locale;
import java.util.Map;

/**
 * A LAVA job's priority, KernelCI's way: the node's {@code data.priority} (a user's own
 * request, default 80), else the job's {@code priority} param ({@code high} 60, {@code medium}
 * 40, {@code low} 20 or a number, default low), on a 0–100 scale; then fitted to the lab with
 * its {@code priority} (a percentage) or its {@code priority_min..priority_max} range.
 */
final class LavaPriority {
    static final int HIGHEST = 80;
    static final int LOW = 20;
    private static final Map<String, Integer> NAMED = Map.of("high", 60, "medium", 40, "low", LOW);

    private LavaPriority() {
    }

    static int of(JobRequest request, LavaConfig lab) {
        Object requested = request.node().get("data") instanceof Map<?, ?> data ? data.get("priority") : null;
        int priority = requested != null ? resolve(requested, HIGHEST) : resolve(request.job().params().get("priority"), LOW);
        if (lab.priority().isPresent()) {
            return priority * lab.priority().get() / 100;
        }
        return lab.priorityRange().map(r -> priority * (r.max() - r.min()) / 100 + r.min()).orElse(priority);
    }

    private static int resolve(Object value, int fallback) {
        if (value instanceof Number n) {
            return Math.max(0, Math.min(100, n.intValue()));
        }
        if (value instanceof String s) {
            return NAMED.getOrDefault(s.toLowerCase(Locale.ROOT), fallback);
        }
        return fallback;
    }
}
