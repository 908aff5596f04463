package dev.maestro.pipeline.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance's trigger has done per build config, for {@code /pipeline/stats}: polls,
 * the head it last saw, checkouts it created, the last problem. Kept apart from the timer so
 * that reading it never waits for a poll in progress.
 */
@ApplicationScoped
public class TriggerStats {

    private record Poll(long polls, Instant lastPoll, String head, long created, String problem) {
    }

    private final Map<String, Poll> byBuildConfig = new ConcurrentHashMap<>();

    void polled(String buildConfig, String head, boolean created) {
        byBuildConfig.merge(buildConfig, new Poll(1, Instant.now(), head, created ? 1 : 0, null),
                (old, now) -> new Poll(old.polls() + 1, now.lastPoll(), head, old.created() + now.created(), null));
    }

    void failed(String buildConfig, String problem) {
        byBuildConfig.merge(buildConfig, new Poll(1, Instant.now(), null, 0, problem),
                (old, now) -> new Poll(old.polls() + 1, now.lastPoll(), old.head(), old.created(), problem));
    }

    /** Forgets build configs that are no longer configured. */
    void retain(Set<String> buildConfigs) {
        byBuildConfig.keySet().retainAll(buildConfigs);
    }

    /** Per build config: {@code polls}, {@code last_poll}, {@code head}, {@code checkouts_created}, {@code problem}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> all = new TreeMap<>();
        byBuildConfig.forEach((name, poll) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("polls", poll.polls());
            entry.put("last_poll", poll.lastPoll().toString());
            entry.put("head", poll.head());
            entry.put("checkouts_created", poll.created());
            entry.put("problem", poll.problem());
            all.put(name, entry);
        });
        return all;
    }
}
