package dev.maestro.pipeline.tarball;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.EVENT_FILTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.checkout.CheckoutFailure;
import dev.maestro.pipeline.checkout.Tarball;
import dev.maestro.pipeline.checkout.TarballMaker;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.patch.PatchsetNodes;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import dev.maestro.store.Ids;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Receives each checkout created {@code running} (once per pipeline: the consumer group is
 * shared by all instances) and makes its tarball. The checkout then moves with one
 * compare-and-set write, {@code running → available} (result pass, {@code artifacts.tarball},
 * the completed {@code kernel_revision}, holdoff from the build config) or
 * {@code running → done} (result incomplete, {@code data.error_code=git_checkout_failure} and
 * the reason in {@code data.error_msg}). A redelivered event finds the checkout no longer
 * running and does nothing. Checkouts of trees no build config watches are left alone.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "tarball"),
    @ActivationConfigProperty(propertyName = EVENT_FILTER, propertyValue = "op=created,kind=checkout,state=running")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TarballBean extends TarballStep implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(TarballBean.class.getName());

    @Override
    protected void onNodeEvent(NodeEvent event, EventDelivery delivery) {
        Optional<PipelineConfig> config = settings.config();
        if (config.isEmpty() || settings.storage().isEmpty()) {
            return;
        }
        ObjectId id = Ids.parse(event.id());
        Node checkout = nodes.get(id);
        // A patchset is a checkout too, of a patched tree: the apply step makes its tarball.
        if (checkout.state() != NodeState.RUNNING || PatchsetNodes.isPatchset(checkout)) {
            return;
        }
        TarballMaker maker = new TarballMaker(mirrors, settings.storage().get(), settings.workDirectory().resolve("tarballs"));
        try {
            Optional<Tarball> tarball = maker.make(config.get(), kernelRevision(checkout));
            if (tarball.isEmpty()) {
                LOG.fine(() -> "Checkout " + id + " is of no configured build config; not making its tarball");
                return;
            }
            Instant holdoff = Instant.now().plus(config.get().buildConfigFor(tarball.get().revision().tree(),
                    tarball.get().revision().branch()).orElseThrow().holdoff());
            available(id, tarball.get().url(), n -> tarball.get().checkoutData(n.data() == null ? Map.of() : n.data()),
                    holdoff);
        } catch (CheckoutFailure failure) {
            LOG.warning("Checkout " + id + " failed: " + failure.getMessage());
            nodes.transition(id, NodeState.RUNNING, NodeState.DONE, n -> n.incomplete(failure.errorCode(), failure.getMessage()),
                    EventMode.PUBLISH);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kernelRevision(Node checkout) {
        Object revision = checkout.data() == null ? null : checkout.data().get("kernel_revision");
        return revision instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
