package dev.maestro.pipeline.planning;

import dev.maestro.pipeline.config.EventCondition;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.config.SchedulerEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches node events against the scheduler entries, as KernelCI's scheduler does:
 * <ul>
 * <li>every field of the entry's event filter must equal the event's field of that name;</li>
 * <li>an update ({@code op: updated}) that carries {@code previous_state} fires only if the node
 * has just entered the filtered condition: the same event with the previous state and result
 * must not match, so re-saving an {@code available} node schedules nothing again;</li>
 * <li>a creation fires when the node is created directly in the filtered condition;</li>
 * <li>events on the {@code retry} channel (an ancestor node republished by job_retry) are
 * matched as node events, without the edge rule: a retry is a deliberate request.</li>
 * </ul>
 * Updates without {@code previous_state} are matched on their current values, as upstream does;
 * Maestro's API always sends it.
 */
public final class EventMatcher {
    /** The channel scheduler entries name. */
    public static final String NODE_CHANNEL = "node";
    /** The channel of job_retry's requests. */
    public static final String RETRY_CHANNEL = "retry";

    private EventMatcher() {
    }

    /**
     * The jobs to create for {@code event} (the CloudEvent's {@code data}) received on {@code channel},
     * one per matching entry and platform, in configuration order.
     */
    public static List<ScheduledJob> match(PipelineConfig config, String channel, Map<String, Object> event) {
        boolean retry = RETRY_CHANNEL.equals(channel);
        if (!retry && !NODE_CHANNEL.equals(channel)) {
            return List.of();
        }
        List<ScheduledJob> jobs = new ArrayList<>();
        for (SchedulerEntry entry : config.scheduler()) {
            if (!matches(entry.event(), event) || (!retry && wasAlreadyMatching(entry.event(), event))) {
                continue;
            }
            RuntimeConfig runtime = config.runtimeFor(entry.runtime()).orElseThrow();
            for (PlatformConfig platform : config.platformsFor(entry, runtime)) {
                jobs.add(new ScheduledJob(entry, config.jobs().get(entry.job()), runtime, platform));
            }
        }
        return jobs;
    }

    /** Whether every field of the filter equals the event's (an absent or null field never matches). */
    static boolean matches(EventCondition filter, Map<String, Object> event) {
        return filter.fields().entrySet().stream()
                .allMatch(f -> event.get(f.getKey()) != null && f.getValue().equals(String.valueOf(event.get(f.getKey()))));
    }

    private static boolean wasAlreadyMatching(EventCondition filter, Map<String, Object> event) {
        if (!"updated".equals(event.get("op")) || !event.containsKey("previous_state")) {
            return false;
        }
        Map<String, Object> before = new HashMap<>(event);
        before.put("state", event.get("previous_state"));
        before.put("result", event.get("previous_result"));
        return matches(filter, before);
    }
}
