package dev.maestro.pipeline.results;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KernelCI's job_retry: a finished {@code kbuild} or {@code job} node whose result is
 * {@code incomplete} (or {@code fail} for jobs named {@code baseline…}) is asked for again on
 * the {@code retry} channel, at most {@value #MAX_RETRIES} times ({@code retry_counter}), never
 * when it passed. The request is the nearest ancestor of the kind that schedules it (a job's
 * {@code kbuild}, a build's {@code checkout}) forced {@code available}, narrowed by
 * {@code jobfilter} (and {@code platform_filter} for a job), with {@code retry_counter} one
 * higher and {@code debug.retry_by} naming the failed node. The retry is a new node; the failed
 * one is left as it is.
 */
public final class JobRetryRule {
    public static final int MAX_RETRIES = 3;
    /**
     * How long a summary waits for the retry of a node before giving up on it (a retry whose job
     * was removed from the configuration never comes).
     */
    public static final Duration RETRY_WAIT = Duration.ofMinutes(10);

    private JobRetryRule() {
    }

    /** Whether {@code node} is to be retried. */
    public static boolean eligible(Map<String, Object> node) {
        Object kind = node.get("kind");
        Object result = node.get("result");
        if (!"done".equals(node.get("state")) || NodeMaps.retryCounter(node) >= MAX_RETRIES) {
            return false;
        }
        if ("kbuild".equals(kind)) {
            return "incomplete".equals(result);
        }
        return "job".equals(kind) && ("incomplete".equals(result)
                || "fail".equals(result) && String.valueOf(node.get("name")).startsWith("baseline"));
    }

    /** The kind of ancestor whose scheduler entries create {@code node} again. */
    public static Optional<String> ancestorKind(Map<String, Object> node) {
        return switch (String.valueOf(node.get("kind"))) {
            case "job" -> Optional.of("kbuild");
            case "kbuild" -> Optional.of("checkout");
            default -> Optional.empty();
        };
    }

    /** The request to publish on {@code retry} for the eligible {@code failed}, whose ancestor is {@code ancestor}. */
    public static Map<String, Object> request(Map<String, Object> failed, Map<String, Object> ancestor) {
        return request(failed, ancestor, NodeMaps.retryCounter(failed) + 1);
    }

    /**
     * The same request with the given {@code retry_counter}: a retry asked for by hand takes the
     * next counter no attempt of the job has, so it is never taken for an automatic retry that
     * already ran.
     */
    public static Map<String, Object> request(Map<String, Object> failed, Map<String, Object> ancestor, int retryCounter) {
        Map<String, Object> request = new LinkedHashMap<>(ancestor);
        request.put("state", "available");
        String name = String.valueOf(failed.get("name"));
        if ("kbuild".equals(failed.get("kind"))) {
            request.put("jobfilter", List.of(name + "+"));
        } else {
            request.put("jobfilter", List.of(name));
            Object platform = NodeMaps.data(failed).get("platform");
            if (platform != null) {
                request.put("platform_filter", List.of(String.valueOf(platform)));
            }
        }
        request.put("retry_counter", retryCounter);
        Map<String, Object> debug = new LinkedHashMap<>(NodeMaps.map(ancestor.get("debug")));
        debug.put("retry_by", NodeMaps.id(failed));
        request.put("debug", debug);
        return request;
    }

    /**
     * The {@code retry_counter} of a new attempt of {@code job}: one more than the highest of its
     * attempts (same name and platform) among {@code siblings}, the nodes under the node the
     * attempt is created under.
     */
    public static int nextRetryCounter(Map<String, Object> job, List<Map<String, Object>> siblings) {
        String platform = String.valueOf(NodeMaps.data(job).get("platform"));
        return siblings.stream()
                .filter(n -> String.valueOf(job.get("name")).equals(String.valueOf(n.get("name")))
                        && platform.equals(String.valueOf(NodeMaps.data(n).get("platform"))))
                .mapToInt(NodeMaps::retryCounter).max().orElse(NodeMaps.retryCounter(job)) + 1;
    }

    /**
     * Whether {@code retry} is the retry of {@code failed}: the same name and platform, one
     * retry higher (the scheduler's own identity of a job).
     */
    public static boolean isRetryOf(Map<String, Object> retry, Map<String, Object> failed) {
        return attempt(retry, -1).equals(attempt(failed, 0));
    }

    /**
     * The attempt {@code node} is, shifted by {@code offset} retries: its name, platform and retry
     * counter. {@code isRetryOf(retry, failed)} holds exactly when {@code attempt(retry, -1)}
     * equals {@code attempt(failed, 0)}, so retries can be looked up by this key.
     */
    public static List<Object> attempt(Map<String, Object> node, int offset) {
        return List.of(String.valueOf(node.get("name")), NodeMaps.retryCounter(node) + offset,
                String.valueOf(NodeMaps.data(node).get("platform")));
    }

    /** Whether {@code failed} still waits for its retry among {@code nodes}, at {@code now}. */
    public static boolean awaitsRetry(Map<String, Object> failed, List<Map<String, Object>> nodes, Instant now) {
        if (!eligible(failed) || nodes.stream().anyMatch(n -> isRetryOf(n, failed))) {
            return false;
        }
        return NodeMaps.time(failed.get("updated")).map(t -> now.isBefore(t.plus(RETRY_WAIT))).orElse(false);
    }
}
