package dev.maestro.pipeline.jobrun;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts how the jobs this instance ran ended, by runtime and by the result on their node once
 * the pipeline is done with them ({@code none} when the job left none: the node is not done).
 */
@ApplicationScoped
public class JobResults {
    static final String JOBS = "maestro_jobs";
    private static final Metadata JOBS_META = Metadata.builder().withName(JOBS)
            .withDescription("Jobs that ended in this pipeline instance, by runtime and result").build();

    @Inject
    NodeService nodes;

    @Inject
    MetricRegistry registry;

    /** After the job's node has been closed or given its log: counts it as its node now says. */
    void ended(ObjectId jobNode) {
        nodes.find(jobNode).ifPresent(this::count);
    }

    private void count(Node job) {
        Object runtime = job.data().get("runtime");
        String result = job.result() == null ? "none" : job.result().value();
        registry.counter(JOBS_META, new Tag("runtime", runtime == null ? "unknown" : runtime.toString()), new Tag("result", result))
                .inc();
    }
}
