package dev.maestro.pipeline.trigger;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.checkout.CheckoutTrigger;
import dev.maestro.pipeline.checkout.KernelRevision;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.identity.PipelineIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The one way checkouts are created, by the trigger's timer and by the service API's custom
 * checkouts alike: a described commit of a build config becomes a {@code running} checkout owned
 * by the pipeline's user (so the scheduler's entries for the pipeline's checkouts match it), with
 * the build config's timeout, published on the {@code node} channel for the tarball step.
 */
@ApplicationScoped
public class Checkouts {
    private static final Logger LOG = Logger.getLogger(Checkouts.class.getName());

    @Inject
    PipelineIdentity identity;

    @Inject
    NodeService nodes;

    @Inject
    MirrorStore mirrors;

    @Inject
    Git git;

    /** The trigger's git work (head, fetch and describe) on this server's mirrors. */
    public CheckoutTrigger trigger() {
        return new CheckoutTrigger(git, mirrors);
    }

    /**
     * @param finish what the caller adds to the node ({@code submitter}, filters)
     */
    public Node create(KernelRevision revision, BuildConfig buildConfig, UnaryOperator<Node.Builder> finish) {
        Node draft = finish.apply(CheckoutTrigger.checkoutNode(revision, buildConfig, Instant.now(), buildConfig.timeout())
                .toBuilder()).build();
        Node checkout = nodes.create(identity.user(), draft, EventMode.PUBLISH);
        LOG.info("Checkout " + checkout.id() + " of " + revision.tree() + "/" + revision.branch() + " " + revision.commit()
                + " (" + revision.describe() + ") for " + checkout.submitter()
                + (checkout.jobfilter() == null ? "" : ", jobfilter " + checkout.jobfilter()));
        return checkout;
    }
}
