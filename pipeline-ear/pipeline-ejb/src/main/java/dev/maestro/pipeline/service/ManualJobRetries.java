package dev.maestro.pipeline.service;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.EventLog;
import dev.maestro.json.BodyFields;
import dev.maestro.pipeline.planning.EventMatcher;
import dev.maestro.pipeline.reporting.ResultQueries;
import dev.maestro.pipeline.results.JobRetryRule;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code POST /pipeline/api/jobretry} (KernelCI's body: {@code nodeid}, optional
 * {@code jobfilter}): runs one job node again through the job retry's own path, a request on the
 * {@code retry} channel that the scheduler turns into a new node under the same build. KernelCI's
 * checks: the node exists (404), is a {@code job} (400) under a {@code kbuild} (404) that passed
 * (400; it may still be {@code available}, KernelCI waits for {@code done}). Unlike the automatic
 * retry it has no limit and no condition on the job's result: the attempt gets the next
 * {@code retry_counter} no attempt of that job and platform has.
 */
@ApplicationScoped
public class ManualJobRetries {
    private static final Logger LOG = Logger.getLogger(ManualJobRetries.class.getName());

    @Inject
    ResultQueries queries;

    @Inject
    EventLog events;

    /**
     * @param requestedBy the caller's username, the owner of the request's event
     * @return the request published on {@code retry}
     */
    public Map<String, Object> retry(Map<String, Object> body, String requestedBy) {
        BodyFields fields = new BodyFields(body);
        String nodeId = fields.requiredString("nodeid");
        List<String> extraJobs = fields.optionalUniqueStrings("jobfilter").orElse(List.of());
        fields.validate();
        if (!Ids.isValid(nodeId)) {
            throw new BadRequestException("Invalid node id: " + nodeId);
        }
        Map<String, Object> job = queries.node(nodeId).orElseThrow(() -> new NotFoundException("Node not found with id: " + nodeId));
        if (!"job".equals(job.get("kind"))) {
            throw new BadRequestException("Node " + nodeId + " is not a job (kind " + job.get("kind") + ")");
        }
        Map<String, Object> build = queries.parent(job).flatMap(p -> queries.ancestorOfKind(p, "kbuild"))
                .orElseThrow(() -> new NotFoundException("Kernel build not found above node " + nodeId));
        if (!"pass".equals(build.get("result"))) {
            throw new BadRequestException("Kernel build " + build.get("id") + " result is not pass: " + build.get("result"));
        }
        // The attempt is created under the build, wherever below it the job was.
        int attempt = JobRetryRule.nextRetryCounter(job, queries.children(String.valueOf(build.get("id"))));
        Map<String, Object> request = JobRetryRule.request(job, build, attempt);
        if (!extraJobs.isEmpty()) {
            List<String> jobfilter = new ArrayList<>(List.of(String.valueOf(job.get("name"))));
            jobfilter.addAll(extraJobs);
            request.put("jobfilter", jobfilter);
        }
        events.append(EventMatcher.RETRY_CHANNEL, requestedBy, request, Map.of());
        LOG.info(requestedBy + " asked for job " + job.get("name") + " (node " + nodeId + ") again: attempt " + attempt
                + " under " + build.get("id"));
        return request;
    }
}
