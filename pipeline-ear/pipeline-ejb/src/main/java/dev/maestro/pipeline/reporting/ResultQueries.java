package dev.maestro.pipeline.reporting;

import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeService;
import dev.maestro.node.Subtrees;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.pipeline.patch.PatchsetNodes;
import dev.maestro.pipeline.results.TestIdentity;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every node query of the results stage, in one place, as node JSON maps (the shape the
 * pipeline-steps logic reads). Fields a query cannot express (lists, absent values) are compared
 * in code on a bounded set of candidates.
 */
@ApplicationScoped
public class ResultQueries {
    /** Earlier runs of one test looked at; others configurations' runs of it are among them. */
    private static final int CANDIDATES = 500;
    /** A bound on walks up the tree (a corrupt parent loop must not spin). */
    private static final int MAX_DEPTH = 64;

    @Inject
    NodeService nodes;

    public Optional<Map<String, Object>> node(String id) {
        return nodes.find(Ids.parse(id)).map(NodeJson::toJson);
    }

    /** The newest finished run of the same test, in the same configuration, created before {@code node}. */
    public Optional<Map<String, Object>> previousRun(Map<String, Object> node, TestIdentity identity) {
        NodeCriteria query = NodeCriteria.where().eq("kind", identity.kind()).eq("name", identity.name()).eq("state", "done");
        if (identity.tree() != null) {
            query.eq("data.kernel_revision.tree", identity.tree());
        }
        if (identity.branch() != null) {
            query.eq("data.kernel_revision.branch", identity.branch());
        }
        query.sortedBy("-created").limit(CANDIDATES);
        String created = String.valueOf(node.get("created"));
        return list(query).stream()
                .filter(n -> !String.valueOf(n.get("id")).equals(node.get("id")))
                .filter(n -> String.valueOf(n.get("created")).compareTo(created) < 0)
                .filter(identity::matches)
                .findFirst();
    }

    /**
     * The open ({@code result: fail}) regression of {@code test}. A regression has its test's
     * name, which narrows the query where only {@code name} and {@code kind} are indexed.
     */
    public Optional<Map<String, Object>> openRegression(TestIdentity test) {
        return list(NodeCriteria.where().eq("kind", "regression").eq("name", test.name()).eq("result", "fail")
                .eq("data.test_key", test.key()).sortedBy("-created").limit(1)).stream().findFirst();
    }

    /** The regressions (open or fixed) that the failing run {@code failNodeId} opened. */
    public List<Map<String, Object>> regressionsFailingAt(String failNodeId) {
        return list(NodeCriteria.where().eq("kind", "regression").eq("data.fail_node", failNodeId));
    }

    /** The failed tests directly under {@code jobId} (those the job posted). */
    public List<Map<String, Object>> failedTests(String jobId) {
        return list(NodeCriteria.where().eq("parent", jobId).eq("kind", "test").eq("result", "fail"));
    }

    /** The regressions of a tree and branch (newest first): those a checkout opened, continued or fixed are among them. */
    public List<Map<String, Object>> regressionsOf(String tree, String branch) {
        NodeCriteria query = NodeCriteria.where().eq("kind", "regression");
        if (tree != null) {
            query.eq("data.failed_kernel_revision.tree", tree);
        }
        if (branch != null) {
            query.eq("data.failed_kernel_revision.branch", branch);
        }
        return list(query.sortedBy("-created").limit(CANDIDATES));
    }

    /**
     * Every node of the root's revision under {@code rootId} (not the root), a tree level at a
     * time. A patchset under a checkout is another revision (the base plus patches), with its
     * own summary: it and its subtree are left out, as are regressions.
     */
    public List<Map<String, Object>> descendants(String rootId) {
        return Subtrees.below(nodes::list, Ids.parse(rootId), id -> true, List.of("regression", PatchsetNodes.KIND)).stream()
                .map(NodeJson::toJson).toList();
    }

    /** The nodes directly under {@code parentId}. */
    public List<Map<String, Object>> children(String parentId) {
        return list(NodeCriteria.where().eq("parent", parentId));
    }

    /** The nearest ancestor of {@code node} (or the node itself) of {@code kind}. */
    public Optional<Map<String, Object>> ancestorOfKind(Map<String, Object> node, String kind) {
        Map<String, Object> at = node;
        for (int depth = 0; at != null && depth < MAX_DEPTH; depth++) {
            if (kind.equals(at.get("kind"))) {
                return Optional.of(at);
            }
            Object parent = at.get("parent");
            at = parent == null ? null : node(String.valueOf(parent)).orElse(null);
        }
        return Optional.empty();
    }

    /** The node's parent, if it has one. */
    public Optional<Map<String, Object>> parent(Map<String, Object> node) {
        Object parent = node.get("parent");
        return parent == null ? Optional.empty() : node(String.valueOf(parent));
    }

    private List<Map<String, Object>> list(NodeCriteria query) {
        return nodes.list(query.query()).stream().map(NodeJson::toJson).toList();
    }
}
