package dev.maestro.pipeline.jobrun;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.pipeline.runtime.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Writes what the pipeline knows about a job's end on the job's node. Every write is a
 * compare-and-set transition, so a job reporting at the same moment is never overwritten:
 * the write is re-read and re-decided instead.
 */
@ApplicationScoped
public class JobCloser {
    private static final Logger LOG = Logger.getLogger(JobCloser.class.getName());
    /** The job's own writes have stopped once it ended, so a few rounds always settle. */
    private static final int ATTEMPTS = 5;
    /** A job that ended well but left its node running never said how it went. */
    static final String NO_REPORT = "The job ended without reporting a result on its node; see its log";

    @Inject
    NodeService nodes;

    /**
     * Records how the job ended: a job that failed (non-zero exit, time limit) or never reported
     * closes its node {@code done}/{@code incomplete} with the error code, unless the node is
     * already done or carries the result the job reported; in every case the log becomes an
     * artifact.
     */
    public void finished(ObjectId id, JobOutcome outcome, Map<String, String> logArtifacts) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Node> node = nodes.find(id);
            if (node.isEmpty()) {
                return;
            }
            NodeState state = node.get().state();
            Optional<JobFailure> failure = outcome.failure();
            if (failure.isEmpty() && state == NodeState.RUNNING) {
                failure = Optional.of(new JobFailure(outcome.kind() == JobKind.KBUILD
                        ? JobFailure.KBUILD_INTERNAL_ERROR : JobFailure.INFRASTRUCTURE, NO_REPORT));
            }
            // A job that reported a result keeps it, even if its script failed afterwards.
            boolean reported = node.get().result() != null;
            boolean written = failure.isPresent() && state != NodeState.DONE && !reported
                    ? close(node.get(), failure.get(), logArtifacts)
                    : attach(node.get(), logArtifacts);
            if (written) {
                return;
            }
        }
        LOG.warning("Node " + id + " kept changing; its job's end was not recorded");
    }

    /** Closes the node of a job that could not run; nothing happens if the node is already done. */
    public void fail(ObjectId id, JobFailure failure, Map<String, String> logArtifacts) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Node> node = nodes.find(id);
            if (node.isEmpty() || node.get().state() == NodeState.DONE || close(node.get(), failure, logArtifacts)) {
                return;
            }
        }
        LOG.warning("Node " + id + " kept changing; it was not closed with " + failure.errorCode());
    }

    private boolean close(Node node, JobFailure failure, Map<String, String> logArtifacts) {
        Optional<Node> closed = nodes.transition(node.id(), node.state(), NodeState.DONE,
                n -> n.incomplete(failure.errorCode(), failure.message()).withArtifacts(logArtifacts), EventMode.PUBLISH);
        closed.ifPresent(n -> LOG.info("Closed job node " + n.id() + " (" + n.name() + "): " + failure.errorCode()
                + ": " + failure.message()));
        return closed.isPresent();
    }

    private boolean attach(Node node, Map<String, String> logArtifacts) {
        if (logArtifacts.isEmpty()) {
            return true;
        }
        return nodes.transition(node.id(), node.state(), node.state(), n -> n.withArtifacts(logArtifacts), EventMode.PUBLISH)
                .isPresent();
    }
}
