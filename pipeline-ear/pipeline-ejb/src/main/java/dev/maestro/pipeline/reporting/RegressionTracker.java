package dev.maestro.pipeline.reporting;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.identity.PipelineIdentity;
import dev.maestro.pipeline.results.RegressionDrafts;
import dev.maestro.pipeline.results.RegressionRule;
import dev.maestro.pipeline.results.TestIdentity;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Applies {@link RegressionRule} to one finished result and writes what it decides through the
 * node write path: a new regression under the failing run's checkout (created once: its id is
 * claimed first, see {@link TrackingRecords}), a continued one ({@code node_sequence}) or a fixed
 * one ({@code result: pass}, {@code data.fixed_by}). Then marks the result tracked and lets the
 * checkout's summary know.
 *
 * <p>A regression carries the failing run's logs, but a job's log is stored only once its process
 * has ended, after the job (and the tests it posted) reported their results: a regression opened
 * before its log existed gets it when the log arrives ({@link #artifactsAdded}).
 */
@ApplicationScoped
public class RegressionTracker {
    private static final Logger LOG = Logger.getLogger(RegressionTracker.class.getName());

    @Inject
    ResultQueries queries;

    @Inject
    TrackingRecords tracking;

    @Inject
    CheckoutSummaries summaries;

    @Inject
    NodeService nodes;

    @Inject
    PipelineIdentity identity;

    public void track(String nodeId) {
        Optional<Map<String, Object>> found = queries.node(nodeId);
        if (found.isEmpty()) {
            return;
        }
        Map<String, Object> node = found.get();
        if (RegressionRule.tracked(node)) {
            apply(node);
            tracking.markTracked(nodeId);
        }
        summaries.nodeSettled(node);
    }

    /**
     * Called when a finished node changed again (its log stored after its result): the
     * regressions failing at it, or (for a job) at a test it posted, that have no log yet get
     * its logs.
     */
    public void artifactsAdded(String nodeId) {
        Optional<Map<String, Object>> found = queries.node(nodeId).filter(RegressionRule::tracked);
        Map<String, String> logs = found.map(RegressionDrafts::logs).orElse(Map.of());
        if (logs.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>(List.of(nodeId));
        if ("job".equals(found.get().get("kind"))) {
            queries.failedTests(nodeId).forEach(test -> failures.add(id(test)));
        }
        for (String failure : failures) {
            queries.regressionsFailingAt(failure).forEach(regression -> giveLogs(regression, logs));
        }
    }

    private void apply(Map<String, Object> node) {
        TestIdentity test = TestIdentity.of(node);
        RegressionRule.Step step = RegressionRule.decide(node, queries.previousRun(node, test), queries.openRegression(test));
        if (step instanceof RegressionRule.Open open) {
            openRegression(node, open.pass());
        } else if (step instanceof RegressionRule.Continue continued) {
            Map<String, Object> data = RegressionDrafts.continued(data(continued.regression()), id(node));
            if (!data.equals(data(continued.regression()))) {
                change(continued.regression(), stored -> stored.toBuilder().data(RegressionDrafts.continued(stored.data(), id(node))).build());
            }
        } else if (step instanceof RegressionRule.Fix fix) {
            change(fix.regression(), stored -> stored.result() != NodeResult.FAIL ? stored
                    : stored.toBuilder().result(NodeResult.PASS).data(RegressionDrafts.fixed(stored.data(), node)).build());
            LOG.info("Regression " + id(fix.regression()) + " (" + node.get("name") + ") fixed by node " + id(node));
        }
    }

    private void openRegression(Map<String, Object> fail, Map<String, Object> pass) {
        Optional<Map<String, Object>> checkout = queries.ancestorOfKind(fail, "checkout");
        if (checkout.isEmpty()) {
            LOG.warning("Node " + id(fail) + " failed after a pass but is under no checkout: no regression recorded");
            return;
        }
        Map<String, Object> logSource = logSource(fail);
        Map<String, String> logs = RegressionDrafts.logs(logSource);
        Node draft = RegressionDrafts.openNode(fail, pass, id(checkout.get()), logs, Instant.now());
        ObjectId regressionId = tracking.regressionIdFor(id(fail));
        nodes.createOnce(identity.user(), regressionId, draft, EventMode.PUBLISH).ifPresent(r -> LOG.info("Regression " + r.id()
                + ": " + fail.get("name") + " fails in node " + id(fail) + " after passing in node " + id(pass)));
        if (logs.isEmpty()) {
            // The log may have been stored while this regression was made, its event handled before it existed.
            artifactsAdded(id(logSource));
        }
    }

    /**
     * The node whose log is the failing run's: a test that a job posted (its parent is a
     * {@code job}, e.g. tiny-tests' cases) has the job's log; anything else its own (a job's
     * parent build has a log too, but not of this run).
     */
    private Map<String, Object> logSource(Map<String, Object> fail) {
        if (!"test".equals(fail.get("kind")) || !RegressionDrafts.logs(fail).isEmpty()) {
            return fail;
        }
        return queries.parent(fail).filter(p -> "job".equals(p.get("kind"))).orElse(fail);
    }

    private void giveLogs(Map<String, Object> regression, Map<String, String> logs) {
        if (RegressionDrafts.logs(regression).isEmpty()) {
            change(regression, stored -> stored.artifacts() == null || stored.artifacts().isEmpty()
                    ? stored.toBuilder().artifacts(logs).build() : stored);
            LOG.info("Regression " + id(regression) + " has the log of its failing run: " + logs.values());
        }
    }

    private void change(Map<String, Object> regression, UnaryOperator<Node> change) {
        nodes.update(identity.user(), Ids.parse(id(regression)), change::apply, EventMode.PUBLISH);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> node) {
        return node.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
    }

    private static String id(Map<String, Object> node) {
        return String.valueOf(node.get("id"));
    }
}
