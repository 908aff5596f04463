package dev.maestro.pipeline.planning;

import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the node of a scheduled job from the node that triggered it, following KernelCI's
 * {@code create_job_node}: the job is a child of the triggering node, named and grouped after
 * the job, inherits its kernel revision, tree id, submitter and filters, and records the runtime
 * and platform it runs on. Retry requests narrow what may be created with {@code jobfilter} and
 * {@code platform_filter}; kbuild jobs respect the checkout's {@code architecture_filter}.
 */
public final class JobNodes {
    /** Build facts a test suite takes from the build it tests. */
    private static final List<String> FROM_PARENT_BUILD = List.of("kernel_type", "arch", "defconfig", "config_full", "compiler");

    private JobNodes() {
    }

    /**
     * @param input the triggering node as stored (events lack some fields)
     * @param event the event's data (a retry request carries filters and a retry counter)
     * @param now   when the job node is made: its {@code created} and {@code updated}
     */
    public static JobPlan plan(ScheduledJob scheduled, Node input, Map<String, Object> event, Instant now) {
        JobConfig job = scheduled.job();
        List<String> path = input.path() == null ? List.of() : input.path();
        List<String> jobfilter = filter("jobfilter", event, input.jobfilter());
        List<String> platformFilter = filter("platform_filter", event, input.platformFilter());
        if (!jobfilter.isEmpty() && !jobfilterAllows(jobfilter, job.name(), path)) {
            return new JobPlan.Skip("job " + job.name() + " is not in the node's jobfilter " + jobfilter);
        }
        String platform = scheduled.platform().name();
        if (job.kind() == JobKind.JOB && !platformFilter.isEmpty() && !platformFilter.contains(platform)) {
            return new JobPlan.Skip("platform " + platform + " is not in the node's platform_filter " + platformFilter);
        }
        Map<String, Object> inputData = input.data() == null ? Map.of() : input.data();
        List<String> archFilter = strings(inputData.get("architecture_filter"));
        Object jobArch = job.params().get("arch");
        if (job.kind() == JobKind.KBUILD && !archFilter.isEmpty() && !archFilter.contains(String.valueOf(jobArch))) {
            return new JobPlan.Skip("arch " + jobArch + " of job " + job.name()
                    + " is not in the checkout's architecture_filter " + archFilter);
        }

        List<String> jobPath = new ArrayList<>(path);
        jobPath.add(job.name());
        Node.Builder node = Node.newNode(now)
                .kind(job.kind().wireName())
                .name(job.name())
                .path(jobPath)
                .group(job.name())
                .parent(input.id())
                .state(NodeState.RUNNING)
                .treeid(input.treeid())
                .submitter(input.submitter())
                .retryCounter(event.get("retry_counter") instanceof Number n ? n.intValue() : 0)
                .data(data(scheduled, inputData));
        if (!jobfilter.isEmpty()) {
            node.jobfilter(jobfilter);
        }
        if (!platformFilter.isEmpty()) {
            node.platformFilter(platformFilter);
        }
        return new JobPlan.Create(node.build());
    }

    private static Map<String, Object> data(ScheduledJob scheduled, Map<String, Object> inputData) {
        JobConfig job = scheduled.job();
        Map<String, Object> data = new LinkedHashMap<>();
        copyIfPresent(inputData, data, "kernel_revision");
        if (job.kind() == JobKind.JOB) {
            FROM_PARENT_BUILD.forEach(field -> copyIfPresent(inputData, data, field));
        }
        if (!data.containsKey("arch")) {
            Object arch = job.params().get("arch");
            if (arch == null && !scheduled.platform().arch().isEmpty()) {
                arch = scheduled.platform().arch();
            }
            if (arch != null) {
                data.put("arch", String.valueOf(arch));
            }
        }
        if (job.kind() == JobKind.KBUILD) {
            copyIfPresent(job.params(), data, "compiler");
            Object defconfig = job.params().get("defconfig");
            if (defconfig != null) {
                String joined = defconfig instanceof List<?> list ? String.join("+", strings(list)) : String.valueOf(defconfig);
                data.put("defconfig", joined);
                data.put("config_full", joined);
            }
        }
        data.put("runtime", scheduled.runtime().name());
        data.put("platform", scheduled.platform().name());
        return data;
    }

    /** A retry request's filter when it carries one, else the triggering node's. */
    private static List<String> filter(String name, Map<String, Object> event, List<String> nodeFilter) {
        return strings(event.get(name) instanceof List<?> ? event.get(name) : nodeFilter);
    }

    /** KernelCI's rule: the job is listed, or an entry {@code X+} names the job or a node on its path. */
    private static boolean jobfilterAllows(List<String> jobfilter, String job, List<String> path) {
        if (jobfilter.contains(job)) {
            return true;
        }
        return jobfilter.stream().filter(f -> f.endsWith("+")).map(f -> f.substring(0, f.length() - 1))
                .anyMatch(prefix -> prefix.equals(job) || path.contains(prefix));
    }

    private static void copyIfPresent(Map<String, Object> from, Map<String, Object> to, String key) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
