package dev.maestro.pipeline.patchset;

import static dev.maestro.pipeline.delivery.StreamActivation.CHANNEL;
import static dev.maestro.pipeline.delivery.StreamActivation.CONSUMER_GROUP;
import static dev.maestro.pipeline.delivery.StreamActivation.DEPLOYED_ADAPTER;
import static dev.maestro.pipeline.delivery.StreamActivation.EVENT_FILTER;
import static dev.maestro.pipeline.delivery.StreamActivation.RESOURCE_ADAPTER;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeEvent;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.patch.AppliedPatchset;
import dev.maestro.pipeline.patch.PatchDownloader;
import dev.maestro.pipeline.patch.PatchsetFailure;
import dev.maestro.pipeline.patch.PatchsetMaker;
import dev.maestro.pipeline.patch.PatchsetNodes;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.StreamEventListener;
import dev.maestro.pipeline.tarball.TarballStep;
import dev.maestro.store.Ids;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * The apply step. A patchset is applied once its base checkout is {@code available} (it has its
 * tarball and its described revision), so two events lead here: the patchset's creation (the
 * base may be ready already) and a base becoming available (its patchsets created meanwhile are
 * waiting). The patchset then moves with one compare-and-set write, {@code running → available}
 * (result pass, the patched {@code artifacts.tarball}, {@code kernel_revision.patchset} = the
 * series hash, holdoff from the build config: the scheduler runs the checkout jobs on it) or
 * {@code running → done} (result fail, {@code data.error_code} and an {@code error_msg} naming
 * the patch and why). A base that failed fails its patchsets. Redelivered events find the
 * patchset no longer running and do nothing.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = RESOURCE_ADAPTER, propertyValue = DEPLOYED_ADAPTER),
    @ActivationConfigProperty(propertyName = CHANNEL, propertyValue = NodeEvent.CHANNEL),
    @ActivationConfigProperty(propertyName = CONSUMER_GROUP, propertyValue = "patchset"),
    @ActivationConfigProperty(propertyName = EVENT_FILTER, propertyValue = "kind=checkout,state=running|available|done")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PatchsetBean extends TarballStep implements StreamEventListener {
    private static final Logger LOG = Logger.getLogger(PatchsetBean.class.getName());

    @Inject
    PatchSources sources;

    @Override
    protected void onNodeEvent(NodeEvent event, EventDelivery delivery) {
        Optional<PipelineConfig> config = settings.config();
        Optional<PatchDownloader> downloader = sources.downloader();
        if (config.isEmpty() || downloader.isEmpty()) {
            return;
        }
        ObjectId id = Ids.parse(event.id());
        if (PatchsetNodes.NAME.equals(event.name())) {
            if (NodeState.RUNNING.value().equals(event.state())) {
                apply(config.get(), downloader.get(), id);
            }
            return;
        }
        if (!NodeState.RUNNING.value().equals(event.state())) {
            // A base that became available (or ended): its waiting patchsets go on (or fail with it).
            for (Node waiting : nodes.list(NodeCriteria.where().eq("parent", id).eq("name", PatchsetNodes.NAME)
                    .eq("state", NodeState.RUNNING.value()).query())) {
                apply(config.get(), downloader.get(), waiting.id());
            }
        }
    }

    private void apply(PipelineConfig config, PatchDownloader downloader, ObjectId id) {
        Node patchset = nodes.get(id);
        if (patchset.state() != NodeState.RUNNING || !PatchsetNodes.isPatchset(patchset)) {
            return;
        }
        Optional<Node> base = patchset.parent() == null ? Optional.empty() : nodes.find(patchset.parent());
        if (base.isEmpty()) {
            fail(id, new PatchsetFailure(PatchsetFailure.BASE, "The patchset has no base checkout"));
            return;
        }
        if (base.get().state() == NodeState.RUNNING) {
            return;
        }
        String tarball = base.get().artifacts() == null ? null : base.get().artifacts().get("tarball");
        if (base.get().result() != NodeResult.PASS || tarball == null) {
            fail(id, new PatchsetFailure(PatchsetFailure.BASE, "The base checkout " + base.get().id() + " ended "
                    + base.get().state().value() + "/" + (base.get().result() == null ? "no result" : base.get().result().value())
                    + " without a tarball" + errorOf(base.get())));
            return;
        }
        PatchsetMaker maker = new PatchsetMaker(mirrors, settings.storage().orElseThrow(), downloader,
                settings.workDirectory().resolve("patchsets"));
        try {
            AppliedPatchset applied = maker.make(config, base.get(), patchset);
            Instant holdoff = Instant.now().plus(holdoff(config, base.get()));
            available(id, applied.tarballUrl(), n -> PatchsetNodes.appliedData(n, base.get(), applied.seriesHash()),
                    holdoff);
        } catch (PatchsetFailure failure) {
            fail(id, failure);
        }
    }

    private void fail(ObjectId id, PatchsetFailure failure) {
        LOG.warning("Patchset " + id + " failed (" + failure.errorCode() + "): " + failure.getMessage());
        nodes.transition(id, NodeState.RUNNING, NodeState.DONE, n -> {
            Map<String, Object> data = new LinkedHashMap<>(n.data() == null ? Map.of() : n.data());
            data.put("error_code", failure.errorCode());
            data.put("error_msg", failure.getMessage());
            return n.toBuilder().result(NodeResult.FAIL).data(data).build();
        }, EventMode.PUBLISH);
    }

    private static Duration holdoff(PipelineConfig config, Node base) {
        Object revision = base.data() == null ? null : base.data().get("kernel_revision");
        Map<?, ?> fields = revision instanceof Map<?, ?> map ? map : Map.of();
        return config.buildConfigFor(String.valueOf(fields.get("tree")), String.valueOf(fields.get("branch")))
                .map(b -> b.holdoff()).orElse(Duration.ofMinutes(10));
    }

    private static String errorOf(Node base) {
        Object message = base.data() == null ? null : base.data().get("error_msg");
        return message == null ? "" : ": " + message;
    }
}
