package dev.maestro.pipeline.planning;

import dev.maestro.node.Node;

/** What to do for one scheduled job: create this node, or skip it for a reason worth a log line. */
public sealed interface JobPlan permits JobPlan.Create, JobPlan.Skip {

    /** @param node the job's node, to be created: kind, name, path, group, parent, data… */
    record Create(Node node) implements JobPlan {
    }

    record Skip(String reason) implements JobPlan {
    }
}
