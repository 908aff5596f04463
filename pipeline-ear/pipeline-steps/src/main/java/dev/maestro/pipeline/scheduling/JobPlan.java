package dev.maestro.pipeline.scheduling;

import java.util.Map;

/** What to do for one scheduled job: create this node, or skip it for a reason worth a log line. */
public sealed interface JobPlan permits JobPlan.Create, JobPlan.Skip {

    /** @param node the body of {@code POST /node}: kind, name, path, group, parent, data… */
    record Create(Map<String, Object> node) implements JobPlan {
    }

    record Skip(String reason) implements JobPlan {
    }
}
